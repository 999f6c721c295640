package org.onewindow.hub.messagelog;

import jakarta.servlet.http.HttpServletResponse;
import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The message log from inside the running hub (its H2 file is locked while it runs, so the command cannot open it):
 * verify it, seal it now, export a period. For auditors (审计员).
 */
@RestController
class MessageLogController {

    private final MessageLog messageLog;
    private final DataSource dataSource;
    private final Clock clock;
    private final ZoneId zone;

    MessageLogController(MessageLog messageLog, DataSource dataSource, Clock clock,
                         @org.springframework.beans.factory.annotation.Value("${onewindow.intake.time-zone}") ZoneId zone) {
        this.messageLog = messageLog;
        this.dataSource = dataSource;
        this.clock = clock;
        this.zone = zone;
    }

    /** What verifying found; {@code ok} false names the first record (position) that fails. */
    record VerificationView(boolean ok, long records, long seals, Long firstPosition, Long lastPosition, Instant loggedFrom,
                            Instant loggedTo, long unsealed, List<String> signers, List<String> timeStampingAuthorities,
                            ProblemView problem, String summary) {
    }

    record ProblemView(long position, String kind, Long seal, String detail) {
    }

    record SealView(long sealedUpTo, long seals) {
    }

    /**
     * Verifies the whole log as it is now (records written after the start are checked next time). A GET: it reads and
     * changes nothing, so a script with Basic credentials needs no CSRF token.
     */
    @GetMapping(path = "/api/v1/message-log/verification", produces = "application/json")
    VerificationView verify() {
        Verification result = new MessageLogVerifier(null, null).verify(new DatabaseLogSource(new MessageLogStore(dataSource), "the hub's database"));
        Verification.Problem p = result.problem();
        return new VerificationView(result.ok(), result.records(), result.seals(), result.firstSeq(), result.lastSeq(),
                result.firstLoggedAt(), result.lastLoggedAt(), result.unsealed(), result.signers(), result.authorities(),
                p == null ? null : new ProblemView(p.position(), p.kind().name(), p.sealNo(), p.detail()), result.summary());
    }

    /**
     * Writes what is queued and seals it now, instead of at the next interval. A state-changing POST: with a session
     * or Basic credentials it needs the CSRF token (docs/security.md); a clean stop of the hub seals as well.
     */
    @PostMapping(path = "/api/v1/message-log/seals", produces = "application/json")
    SealView seal() {
        if (!messageLog.enabled()) {
            throw new ProblemException(HttpStatus.CONFLICT, "message-log-off", "The message log is off",
                    "onewindow.message-log.enabled is false: nothing is logged or sealed", List.of());
        }
        long sealedUpTo = messageLog.flushAndSeal();
        return new SealView(sealedUpTo, messageLog.status().seals());
    }

    /**
     * The records logged in [from, to), widened to whole seals, as a zip that verifies elsewhere
     * ({@code hub/message-log verify --archive}). from/to: 2026-12-03 (a whole day), 2026-12-03T10:00 (hub's zone) or an instant.
     */
    @GetMapping(path = "/api/v1/message-log/archive", produces = "application/zip")
    void archive(@RequestParam(required = false) String from, @RequestParam(required = false) String to, HttpServletResponse response)
            throws IOException, SQLException {
        List<Fault> faults = new ArrayList<>();
        Instant start = time("from", from, false, faults);
        Instant end = time("to", to, true, faults);
        if (start != null && end != null && !start.isBefore(end)) {
            faults.add(new Fault("to", "before-from", "must be after from"));
        }
        if (!faults.isEmpty()) {
            throw ProblemException.invalid(faults);
        }
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"message-log-" + (from + "-" + to).replaceAll("[^0-9A-Za-z:T.-]", "_") + ".zip\"");
        MessageLogArchive.export(new MessageLogStore(dataSource), start, end, clock.instant(), response.getOutputStream());
    }

    private Instant time(String field, String value, boolean end, List<Fault> faults) {
        if (value == null || value.isBlank()) {
            faults.add(new Fault(field, "required", "must be a day (2026-12-03), a local time (2026-12-03T10:00) or an instant"));
            return null;
        }
        try {
            return MessageLogCommand.time(value, zone, end);
        } catch (IllegalArgumentException e) {
            faults.add(new Fault(field, "not-a-time", "must be a day (2026-12-03), a local time (2026-12-03T10:00) or an instant, not \""
                    + value + "\""));
            return null;
        }
    }
}
