package org.onewindow.hub.sharing;

import org.onewindow.hub.cases.CaseEventType;
import org.onewindow.hub.cases.CaseStore;
import org.onewindow.schemas.sharing.SharedData;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

/** What the department-shares routes report about deliveries of shared data. Safe to call twice. */
@Component("dataShares")
public class DataShares {

    private final DataShareStore store;
    private final CaseStore cases;
    private final Clock clock;

    DataShares(DataShareStore store, CaseStore cases, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.clock = clock;
    }

    @Transactional
    public void delivered(SharedData share) {
        Instant now = clock.instant();
        if (store.moveOn(share.shareId(), DataShareStatus.DELIVERED, null, now)) {
            cases.addEvent(share.caseId(), null, CaseEventType.DATA_DELIVERED,
                    share.dataItem() + " delivered to " + share.consumer() + " under " + share.agreement(), now);
        }
    }

    @Transactional
    public void deadLetter(String shareId, String reason) {
        Instant now = clock.instant();
        store.find(shareId).ifPresent(share -> {
            if (store.moveOn(shareId, DataShareStatus.DEAD_LETTERED, reason, now)) {
                cases.addEvent(share.caseId(), null, CaseEventType.DATA_UNDELIVERED,
                        share.dataItem() + " not delivered to " + share.consumer() + ": " + reason, now);
            }
        });
    }
}
