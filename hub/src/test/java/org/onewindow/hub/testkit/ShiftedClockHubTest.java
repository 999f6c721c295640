package org.onewindow.hub.testkit;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole hub (as {@link HubTest}) on a {@link ShiftedClock} the test sets to the day it needs and moves on by days.
 * A department's callback is given 60 working days here, so that moving the clock on does not give up the tasks a test
 * watches. Subclasses share one application context.
 */
@Import(ShiftedClockHubTest.Clocks.class)
@TestPropertySource(properties = "onewindow.tasks.callback-deadline=60 working days")
public abstract class ShiftedClockHubTest extends HubTest {

    @TestConfiguration
    public static class Clocks {
        @Bean
        @Primary
        ShiftedClock shiftedClock() {
            return new ShiftedClock();
        }
    }
}
