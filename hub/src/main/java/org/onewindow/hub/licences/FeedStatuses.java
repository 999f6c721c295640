package org.onewindow.hub.licences;

import org.onewindow.schemas.licences.LicenceStatus;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the library's status feed has said about licences since the hub started: the latest status of every
 * licence that is no longer VALID. It outranks the status a licence document was signed with, which may be
 * older (a licence signed VALID and revoked later). A change back to VALID forgets the entry, so the signed
 * status counts again.
 */
final class FeedStatuses {

    private final Map<String, LicenceStatus> notValid = new ConcurrentHashMap<>();

    void record(StatusChange change) {
        if (change.status() == LicenceStatus.VALID) {
            notValid.remove(change.identifier());
        } else {
            notValid.put(change.identifier(), change.status());
        }
    }

    Optional<LicenceStatus> of(String identifier) {
        return Optional.ofNullable(identifier == null ? null : notValid.get(identifier));
    }
}
