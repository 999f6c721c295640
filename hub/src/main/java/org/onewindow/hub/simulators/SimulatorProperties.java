package org.onewindow.hub.simulators;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled          start the department simulators (the embedded default)
 * @param stubs            resource pattern of the stub files; the folder above mappings/ names the department
 * @param containerThreads Jetty threads per simulator: slow stubs sleep on one each
 * @param journalEntries   requests each simulator remembers, for tests that read its journal; 0 (the default) keeps none
 * @param latencyMs        a delay every simulated department adds to its answers (0: none)
 */
@ConfigurationProperties("onewindow.simulators")
public record SimulatorProperties(boolean enabled, String stubs, int containerThreads, int journalEntries, int latencyMs) {
}
