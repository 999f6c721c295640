package org.onewindow.hub.sharing;

import org.onewindow.hub.access.AccessLog;
import org.onewindow.hub.cases.CaseEventType;
import org.onewindow.hub.cases.CaseStore;
import org.onewindow.schemas.sharing.SharedData;
import org.springframework.stereotype.Component;
import org.onewindow.hub.persistence.GroupCommit;

import java.time.Clock;
import java.time.Instant;

/**
 * What the department-shares routes report about deliveries of shared data. Safe to call twice.
 *
 * <p>A delivery is the moment the consuming department reads the applicant's data, so {@link #delivered}
 * records that read in the access log, in the same transaction that moves the share from QUEUED to
 * DELIVERED: a crash before that commit leaves the share QUEUED and its message on the queue, the
 * redelivery calls the department again with the same idempotency key (the share id) and records the
 * read then; a crash after it finds the share DELIVERED and records nothing more. So each delivered
 * share is logged exactly once, and a share never delivered (dead-lettered) is not logged as read.
 */
@Component("dataShares")
public class DataShares {

    private final DataShareStore store;
    private final CaseStore cases;
    private final AccessLog accessLog;
    private final Clock clock;
    private final GroupCommit groupCommit;

    DataShares(DataShareStore store, CaseStore cases, AccessLog accessLog, Clock clock, GroupCommit groupCommit) {
        this.groupCommit = groupCommit;
        this.store = store;
        this.cases = cases;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /**
     * Whether the share still waits for delivery: false once delivered or dead-lettered, so a redelivered or
     * duplicated message does not call the department again (one read by primary key, no separate table).
     */
    public boolean stillQueued(SharedData share) {
        return store.find(share.shareId()).map(row -> row.status() == DataShareStatus.QUEUED).orElse(false);
    }

    /** The consumer has the data: the share, its access-log row and the case's event, in one unit of the group commit. */
    public void delivered(SharedData share) {
        groupCommit.run("share-delivered", () -> {
            Instant now = clock.instant();
            if (store.moveOn(share.shareId(), DataShareStatus.DELIVERED, null, now)) {
                accessLog.record(SharingRouter.readOf(share));
                cases.addEvent(share.caseId(), null, CaseEventType.DATA_DELIVERED,
                        share.dataItem() + " delivered to " + share.consumer() + " under " + share.agreement(), now);
            }
        });
    }

    public void deadLetter(String shareId, String reason) {
        groupCommit.run("share-dead-letter", () -> {
            Instant now = clock.instant();
            store.find(shareId).ifPresent(share -> {
                if (store.moveOn(shareId, DataShareStatus.DEAD_LETTERED, reason, now)) {
                    cases.addEvent(share.caseId(), null, CaseEventType.DATA_UNDELIVERED,
                            share.dataItem() + " not delivered to " + share.consumer() + ": " + reason, now);
                }
            });
        });
    }
}
