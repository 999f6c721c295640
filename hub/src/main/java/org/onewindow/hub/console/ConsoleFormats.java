package org.onewindow.hub.console;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times on console pages, in the hall's time zone (templates: {@code ${@consoleFormats.dateTime(x)}}). */
@Component("consoleFormats")
class ConsoleFormats {

    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter time;

    ConsoleFormats(@Value("${onewindow.calendar.time-zone}") ZoneId zone) {
        this.dateTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
        this.time = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
    }

    public String dateTime(Instant at) {
        return at == null ? "" : dateTime.format(at);
    }

    public String time(Instant at) {
        return at == null ? "" : time.format(at);
    }
}
