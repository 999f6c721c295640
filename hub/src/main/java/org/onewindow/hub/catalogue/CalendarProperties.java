package org.onewindow.hub.catalogue;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.ZoneId;
import java.util.List;

/**
 * The hall's working hours on the catalogue's working days: deadlines and waiting limits in working hours count only
 * these (WorkingCalendar).
 *
 * @param officeHours the stretches of a working day, in order ("09:00-12:00", "13:30-17:30")
 * @param timeZone    where the hall is: the day and hour a deadline falls on
 */
@ConfigurationProperties("onewindow.calendar")
record CalendarProperties(List<String> officeHours, ZoneId timeZone) {
}
