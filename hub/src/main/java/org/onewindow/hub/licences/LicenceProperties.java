package org.onewindow.hub.licences;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * onewindow.licences.*: e-licence (电子证照) reading and verification. The library's base URL is
 * {@code onewindow.licences.library.base-url}, read when the library is first called (it defaults to the
 * provincial platform's {@code onewindow.departments.provincial.base-url}, which the simulators set at start).
 *
 * @param trustList  resource of the trust list (信任列表): trusted issuers and their SM2 public keys
 * @param timeZone   the zone whose calendar day decides whether a licence is expired or not yet valid
 * @param library    how the provincial e-licence library is called
 * @param cache      how long verified results are kept
 * @param statusFeed how often the library's status-changes feed is polled
 */
@ConfigurationProperties("onewindow.licences")
record LicenceProperties(String trustList, String timeZone, Library library, Cache cache, StatusFeed statusFeed) {

    /** @param connectTimeoutMs to open a connection; @param timeoutMs for a whole answer */
    record Library(long connectTimeoutMs, long timeoutMs) {
    }

    /** @param ttlMs at most 60 000: a revocation must count within a minute; @param maximumSize entries kept */
    record Cache(long ttlMs, long maximumSize) {
        Cache {
            if (ttlMs > 60_000) {
                throw new IllegalArgumentException("onewindow.licences.cache.ttl-ms must be at most 60000 (a revocation counts within a minute), is " + ttlMs);
            }
        }
    }

    /** @param intervalMs between two polls of the status-changes feed */
    record StatusFeed(long intervalMs) {
    }
}
