package org.onewindow.hub.licences;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.List;

/**
 * Follows the library's status-changes feed (route {@code licence-status-feed}): remembers the last sequence
 * number seen, records each licence's new status ({@link FeedStatuses}) and drops its cached verifications and the
 * kept look-ups that hold it ({@link LicenceLibrary#find}), so a revocation counts from the next poll on, even for a
 * licence document signed while it was still VALID, and the next case of its holder asks the library again.
 */
public class LicenceStatusFeed {

    private static final Logger log = LoggerFactory.getLogger(LicenceStatusFeed.class);

    private final LicenceLibrary library;
    private final VerificationCache cache;
    private final FeedStatuses statuses;
    private long lastSequence;
    private int failedPolls;

    LicenceStatusFeed(LicenceLibrary library, VerificationCache cache, FeedStatuses statuses) {
        this.library = library;
        this.cache = cache;
        this.statuses = statuses;
    }

    /** One poll: the changes after the last sequence seen, applied. Returns how many were applied. */
    public synchronized int poll() {
        List<StatusChange> changes;
        try {
            changes = library.statusChanges(lastSequence);
        } catch (LicenceLibraryUnavailableException e) {
            // an outage is told once, not at every poll while it lasts
            failedPolls++;
            if (failedPolls == 1) {
                log.warn("E-licence status feed not read, will try again at every poll (told again once it is read): {}",
                        e.getMessage());
            } else {
                log.debug("E-licence status feed still not read ({} polls): {}", failedPolls, e.getMessage());
            }
            return 0;
        }
        if (failedPolls > 0) {
            log.info("E-licence status feed read again after {} failed poll(s)", failedPolls);
            failedPolls = 0;
        }
        int applied = 0;
        for (StatusChange change : changes.stream().sorted(Comparator.comparingLong(StatusChange::sequence)).toList()) {
            if (change.sequence() <= lastSequence) {
                continue; // seen before
            }
            statuses.record(change);
            cache.invalidate(change.identifier());
            library.forgetLookupsOf(change.identifier());
            lastSequence = change.sequence();
            applied++;
            log.info("E-licence {} is {} since {} (feed sequence {}): cached verifications and look-ups dropped",
                    change.identifier(), change.status(), change.changedAt(), change.sequence());
        }
        return applied;
    }

    public synchronized long lastSequence() {
        return lastSequence;
    }
}
