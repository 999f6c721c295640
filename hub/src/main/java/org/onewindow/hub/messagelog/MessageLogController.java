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
 * verify it, seal it now, export a period. For auditors (审计员). Verification and export cover every hub's chain in
 * the database (or the one named); sealing seals this hub's chain.
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

    /**
     * What verifying found: the totals over the chains, and each chain ({@code chains}). {@code ok} false: {@code problem}
     * names the first record (its chain and position) that fails; each failing chain names its own. Positions count
     * within a chain: {@code firstPosition} and {@code lastPosition} are given when one chain was verified.
     */
    record VerificationView(boolean ok, long records, long seals, Long firstPosition, Long lastPosition, Instant loggedFrom,
                            Instant loggedTo, long unsealed, List<String> signers, List<String> timeStampingAuthorities,
                            ProblemView problem, String summary, List<ChainView> chains) {
    }

    /** One hub's chain, named by the hub's instance id ({@value Chains#SINGLE_HUB}: the records from before chains). */
    record ChainView(String chain, boolean ok, long records, long seals, Long firstPosition, Long lastPosition, Instant loggedFrom,
                     Instant loggedTo, long unsealed, ProblemView problem) {
    }

    record ProblemView(String chain, long position, String kind, Long seal, String detail) {
    }

    /** @param chain this hub's chain, the one sealed */
    record SealView(long sealedUpTo, long seals, String chain) {
    }

    /**
     * Verifies every chain of the log as it is now, each on its own, or the chain named (records written after the
     * start are checked next time). A GET: it reads and changes nothing, so a script with Basic credentials needs no
     * CSRF token.
     */
    @GetMapping(path = "/api/v1/message-log/verification", produces = "application/json")
    VerificationView verify(@RequestParam(required = false) String chain) {
        MessageLogVerifier verifier = new MessageLogVerifier(null, null);
        DatabaseLogSource source = new DatabaseLogSource(new MessageLogStore(dataSource), "the hub's database", blankToNull(chain));
        Verification result;
        try {
            result = blankToNull(chain) == null ? verifier.verify(source) : verifier.verify(source, chain);
        } catch (MessageLogVerifier.UnknownChainException e) {
            throw unknownChain(chain);
        }
        return new VerificationView(result.ok(), result.records(), result.seals(), result.firstSeq(), result.lastSeq(),
                result.firstLoggedAt(), result.lastLoggedAt(), result.unsealed(), result.signers(), result.authorities(),
                view(result.problem()), result.summary(), result.chains().stream().map(c -> new ChainView(c.name(), c.ok(), c.records(),
                c.seals(), c.firstSeq(), c.lastSeq(), c.firstLoggedAt(), c.lastLoggedAt(), c.unsealed(), view(c.problem()))).toList());
    }

    private static ProblemView view(Verification.Problem p) {
        return p == null ? null : new ProblemView(p.chain(), p.position(), p.kind().name(), p.sealNo(), p.detail());
    }

    private static String blankToNull(String chain) {
        return chain == null || chain.isBlank() ? null : chain;
    }

    private static ProblemException unknownChain(String chain) {
        return new ProblemException(HttpStatus.NOT_FOUND, "message-log-chain-unknown", "No such message log chain",
                "the message log has no chain of this name: a chain is named by a hub's instance id (onewindow.instance.id)",
                List.of(new Fault("chain", "unknown-chain", "no chain of this name in the message log")));
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
        MessageLogWriter.Status status = messageLog.status();
        return new SealView(sealedUpTo, status.seals(), status.chain());
    }

    /**
     * The records logged in [from, to), of every chain or of the chain named, each widened to whole seals, as a zip
     * that verifies elsewhere ({@code hub/message-log verify --archive}). from/to: 2026-12-03 (a whole day),
     * 2026-12-03T10:00 (hub's zone) or an instant.
     */
    @GetMapping(path = "/api/v1/message-log/archive", produces = "application/zip")
    void archive(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                 @RequestParam(required = false) String chain, HttpServletResponse response) throws IOException, SQLException {
        List<Fault> faults = new ArrayList<>();
        Instant start = time("from", from, false, faults);
        Instant end = time("to", to, true, faults);
        if (start != null && end != null && !start.isBefore(end)) {
            faults.add(new Fault("to", "before-from", "must be after from"));
        }
        if (!faults.isEmpty()) {
            throw ProblemException.invalid(faults);
        }
        MessageLogStore store = new MessageLogStore(dataSource);
        try {
            MessageLogArchive.requireChain(store, blankToNull(chain));
        } catch (MessageLogVerifier.UnknownChainException e) {
            throw unknownChain(chain);
        }
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"message-log-" + (from + "-" + to).replaceAll("[^0-9A-Za-z:T.-]", "_") + ".zip\"");
        MessageLogArchive.export(store, blankToNull(chain), start, end, clock.instant(), response.getOutputStream());
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
