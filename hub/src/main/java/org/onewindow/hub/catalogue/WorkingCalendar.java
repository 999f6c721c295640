package org.onewindow.hub.catalogue;

import org.onewindow.schemas.catalogue.TimeLimit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.OptionalLong;

/**
 * Working time (工作时间) on the catalogue's calendar: the working days of {@link DeadlineCalendar} (holidays and 调休
 * included), each open for the hall's office hours in its time zone. Every deadline and waiting limit of the hub is
 * counted here, never in wall-clock days (DESIGN.md rule 7):
 * <ul>
 *   <li>a promised time limit of n working days ends when the office closes on the n-th working day after the day of
 *       acceptance (the day of acceptance does not count, as the law counts 期限);</li>
 *   <li>a limit in working hours or minutes runs only while the office is open;</li>
 *   <li>a clock that stops (the case waits for the applicant) moves a deadline on by the working time it stood still.</li>
 * </ul>
 */
public final class WorkingCalendar {

    /** One stretch of office hours in a working day, e.g. 09:00-12:00. */
    public record Session(LocalTime from, LocalTime to) {
        public Session {
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("office hours " + from + "-" + to + " end before they begin");
            }
        }

        /** "09:00-12:00" */
        public static Session parse(String text) {
            String[] parts = text.trim().split("-");
            if (parts.length != 2) {
                throw new IllegalArgumentException("office hours '" + text + "' are not written as 09:00-12:00");
            }
            return new Session(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
        }

        long minutes() {
            return Duration.between(from, to).toMinutes();
        }
    }

    private final DeadlineCalendar days;
    private final List<Session> sessions;
    private final ZoneId zone;
    private final long minutesPerDay;

    public WorkingCalendar(DeadlineCalendar days, List<Session> sessions, ZoneId zone) {
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("a working day needs office hours");
        }
        for (int i = 1; i < sessions.size(); i++) {
            if (sessions.get(i).from().isBefore(sessions.get(i - 1).to())) {
                throw new IllegalArgumentException("office hours must be in order and not overlap: " + sessions);
            }
        }
        this.days = days;
        this.sessions = List.copyOf(sessions);
        this.zone = zone;
        this.minutesPerDay = minutesPerDay(sessions);
    }

    /** The working minutes of a day with these office hours. */
    public static long minutesPerDay(List<Session> sessions) {
        return sessions.stream().mapToLong(Session::minutes).sum();
    }

    public ZoneId zone() {
        return zone;
    }

    public DeadlineCalendar days() {
        return days;
    }

    /** The working minutes of one working day: what "one working day" of a waiting limit means. */
    public long minutesPerDay() {
        return minutesPerDay;
    }

    public LocalDate localDate(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    /**
     * The end of a promised time limit (承诺时限) of {@code workingDays} counted from {@code accepted}: closing time on the
     * n-th working day after the day of acceptance; 0 (即办件) is closing time of the working day it was accepted on, or
     * of the next one when it was accepted on a day off.
     */
    public Instant deadline(Instant accepted, int workingDays) {
        LocalDate day = days.deadline(localDate(accepted), workingDays);
        while (!days.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return closing(day);
    }

    /**
     * The end of a promised time limit (承诺时限) counted from {@code accepted}: in working days as
     * {@link #deadline(Instant, int)}; in working hours, that much office time later.
     */
    public Instant deadline(Instant accepted, TimeLimit promised) {
        return switch (promised.unit()) {
            case WORKING_DAYS -> deadline(accepted, promised.count());
            case WORKING_HOURS -> plusWorkingMinutes(accepted, promised.count() * 60L);
            default -> throw new IllegalArgumentException("a promise is working time, not " + promised);
        };
    }

    /**
     * A catalogue time limit in working minutes, where the hub compares limits or sets them against handling time (the
     * statistics' 法定提速率 and 承诺压缩比, the start-up check that a promise fits the legal limit): a working day is one day's
     * office hours, a limit in calendar days counts as the fewest working days it can hold on the calendar; empty when
     * no law sets a limit.
     */
    public OptionalLong limitMinutes(TimeLimit limit) {
        return limitMinutes(limit, days, minutesPerDay);
    }

    static OptionalLong limitMinutes(TimeLimit limit, DeadlineCalendar days, long minutesPerDay) {
        return switch (limit.unit()) {
            case WORKING_DAYS -> OptionalLong.of(limit.count() * minutesPerDay);
            case WORKING_HOURS -> OptionalLong.of(limit.count() * 60L);
            case DAYS -> OptionalLong.of(days.fewestWorkingDays(limit.count()) * minutesPerDay);
            case NONE -> OptionalLong.empty();
        };
    }

    /**
     * A limit in whole working days, for readers that know only days (the catalogue's and a task's older
     * {@code ...LimitDays} fields): a limit in working hours as the working days it can reach into (rounded up), one
     * in calendar days as the fewest working days it holds; null when no law sets one.
     */
    public Integer wholeWorkingDays(TimeLimit limit) {
        if (limit.unit() == TimeLimit.Unit.WORKING_DAYS) {
            return limit.count();
        }
        OptionalLong minutes = limitMinutes(limit);
        return minutes.isEmpty() ? null : (int) ((minutes.getAsLong() + minutesPerDay - 1) / minutesPerDay);
    }

    /** The moment a waiting limit that began at {@code from} runs out. */
    public Instant plus(Instant from, WorkingDuration limit) {
        if (limit.isElapsedTime()) {
            return from.plus(limit.elapsed());
        }
        return plusWorkingMinutes(from, minutes(limit));
    }

    /** The latest start of a wait that has run out by {@code now}: waits that began before it are over their limit. */
    public Instant minus(Instant now, WorkingDuration limit) {
        if (limit.isElapsedTime()) {
            return now.minus(limit.elapsed());
        }
        return minusWorkingMinutes(now, minutes(limit));
    }

    /** A limit in working minutes (a working day counts as one day's office hours). */
    public long minutes(WorkingDuration limit) {
        if (limit.isElapsedTime()) {
            throw new IllegalArgumentException(limit + " is elapsed time, not working time");
        }
        return limit.workingDays() ? limit.days() * minutesPerDay : limit.workingMinutes();
    }

    /** The instant {@code minutes} working minutes after {@code from} (0: {@code from}, or the next opening when closed). */
    public Instant plusWorkingMinutes(Instant from, long minutes) {
        if (minutes < 0) {
            return minusWorkingMinutes(from, -minutes);
        }
        LocalDate day = from.atZone(zone).toLocalDate();
        Duration left = Duration.ofMinutes(minutes);
        for (int guard = 0; guard < 20_000; guard++, day = day.plusDays(1)) {
            if (!days.isWorkingDay(day)) {
                continue;
            }
            for (Session session : sessions) {
                Instant start = day.atTime(session.from()).atZone(zone).toInstant();
                Instant end = day.atTime(session.to()).atZone(zone).toInstant();
                if (!end.isAfter(from)) {
                    continue;
                }
                Instant begin = start.isBefore(from) ? from : start;
                Duration available = Duration.between(begin, end);
                if (left.compareTo(available) <= 0) {
                    return begin.plus(left);
                }
                left = left.minus(available);
            }
        }
        throw new IllegalStateException("no working time in 50 years after " + from);
    }

    /** The instant {@code minutes} working minutes before {@code to}. */
    public Instant minusWorkingMinutes(Instant to, long minutes) {
        LocalDate day = to.atZone(zone).toLocalDate();
        Duration left = Duration.ofMinutes(minutes);
        for (int guard = 0; guard < 20_000; guard++, day = day.minusDays(1)) {
            if (!days.isWorkingDay(day)) {
                continue;
            }
            for (int i = sessions.size() - 1; i >= 0; i--) {
                Session session = sessions.get(i);
                Instant start = day.atTime(session.from()).atZone(zone).toInstant();
                Instant end = day.atTime(session.to()).atZone(zone).toInstant();
                if (!start.isBefore(to)) {
                    continue;
                }
                Instant finish = end.isAfter(to) ? to : end;
                Duration available = Duration.between(start, finish);
                if (left.compareTo(available) <= 0) {
                    return finish.minus(left);
                }
                left = left.minus(available);
            }
        }
        throw new IllegalStateException("no working time in 50 years before " + to);
    }

    /** The working time between two instants, in whole minutes; negative when {@code to} is before {@code from}. */
    public long workingMinutesBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return -workingMinutesBetween(to, from);
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!days.isWorkingDay(day)) {
                continue;
            }
            for (Session session : sessions) {
                Instant start = day.atTime(session.from()).atZone(zone).toInstant();
                Instant end = day.atTime(session.to()).atZone(zone).toInstant();
                Instant a = start.isBefore(from) ? from : start;
                Instant b = end.isAfter(to) ? to : end;
                if (b.isAfter(a)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total.toMinutes();
    }

    /** Whether the office is open at this moment. */
    public boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        if (!days.isWorkingDay(local.toLocalDate())) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        return sessions.stream().anyMatch(s -> !time.isBefore(s.from()) && time.isBefore(s.to()));
    }

    private Instant closing(LocalDate day) {
        return day.atTime(sessions.get(sessions.size() - 1).to()).atZone(zone).toInstant();
    }
}
