package org.onewindow.hub.access;

import org.onewindow.hub.persistence.GroupCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The purpose-bound access log (用途绑定的数据访问日志): every read of a holder's licence or shared data
 * is recorded with caller, holder, what, purpose, case and time, and shown to the holder by
 * GET /api/v1/my-data-access. A read without purpose or case is refused.
 *
 * <p>Use: right where the data is handed over (the licence is fetched, the shared data is delivered),
 * {@code accessLog.record(new DataRead(caller, holderId, DataKind.LICENCE, what, purpose, caseId))}.
 */
@Component
public class AccessLog {

    private static final Logger log = LoggerFactory.getLogger(AccessLog.class);

    private final AccessLogStore store;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final GroupCommit groupCommit;

    AccessLog(AccessLogStore store, PlatformTransactionManager transactions, Clock clock, GroupCommit groupCommit) {
        this.store = store;
        this.groupCommit = groupCommit;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Records one read of personal data.
     *
     * <ul>
     * <li>Purpose and case id given: stores a GRANTED row. It joins the caller's transaction when there is
     * one (commits or rolls back with the caller's work), else it is a unit of the next group commit and this
     * returns once that commit is durable: the data is handed over only after its read is logged.</li>
     * <li>Purpose or case id blank: stores a REFUSED row naming the missing fields in a transaction of its
     * own, so that the refusal stays logged although the caller's work fails, and throws
     * {@link PurposeRequiredException} (400 problem+json /problems/purpose-required). Do not hand the
     * data over then.</li>
     * </ul>
     */
    public void record(DataRead read) {
        permit(read);
        Instant now = clock.instant();
        groupCommit.run("access-log", () -> store.insert(read, AccessLogStore.Outcome.GRANTED, null, now));
        // the audit record is the table row; the application log only follows it when asked (DEBUG)
        log.debug("Data read granted: {} read {} {} of {} for case {} ({})", read.caller(), read.dataKind(), read.what(),
                IdentifierMask.mask(read.holderId()), read.caseId(), read.purpose());
    }

    /**
     * Records a read that was refused although purpose and case were given: the caller is not entitled to this
     * holder's data for that case. Stored in a transaction of its own (the caller's work fails), logged at WARN;
     * the holder sees it. The caller answers 403.
     */
    public void refuse(DataRead read, String reason) {
        Instant now = clock.instant();
        ownTransaction.executeWithoutResult(status -> store.insert(read, AccessLogStore.Outcome.REFUSED, reason, now));
        log.warn("Data read refused: {} asked for {} {} of {} for case {}: {}", read.caller(), read.dataKind(), read.what(),
                IdentifierMask.mask(read.holderId()), read.caseId(), reason);
    }

    /**
     * Checks a read that happens later (e.g. data queued for delivery) without recording it: refuses and
     * logs it as {@link #record} does when purpose or case id is blank, does nothing otherwise. The read
     * itself is recorded by {@link #record} when the data is handed over.
     */
    public void permit(DataRead read) {
        List<String> missing = read.missing();
        if (missing.isEmpty()) {
            return;
        }
        PurposeRequiredException refusal = new PurposeRequiredException(missing);
        Instant now = clock.instant();
        ownTransaction.executeWithoutResult(status -> store.insert(read, AccessLogStore.Outcome.REFUSED, refusal.getMessage(), now));
        log.warn("Data read refused: {} asked for {} {} of {}: {}", read.caller(), read.dataKind(), read.what(),
                IdentifierMask.mask(read.holderId()), refusal.getMessage());
        throw refusal;
    }
}
