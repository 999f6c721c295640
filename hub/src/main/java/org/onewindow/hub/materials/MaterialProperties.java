package org.onewindow.hub.materials;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param lookupTimeout       how long one look-up (e-licence library, data exchange) may take before the system
 *                            counts as down for this case
 * @param lookupThreads       look-ups of one case run in parallel on this many threads (shared by all cases)
 * @param deferralWorkingDays a deferred material (容缺) must be brought within this many working days
 * @param retryInterval       how often cases in WAITING_VERIFICATION try again
 * @param retryBatch          how many waiting cases one retry round takes
 */
@ConfigurationProperties("onewindow.materials")
public record MaterialProperties(Duration lookupTimeout, int lookupThreads, int deferralWorkingDays,
                                 Duration retryInterval, int retryBatch) {
}
