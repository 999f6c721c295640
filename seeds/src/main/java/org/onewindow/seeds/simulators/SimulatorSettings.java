package org.onewindow.seeds.simulators;

/**
 * How the department simulators run.
 *
 * @param stubs            resource pattern of the stub files; the folder above mappings/ names the department
 * @param containerThreads Jetty threads per simulator
 * @param journalEntries   requests each simulator remembers, for tests that read its journal; 0 keeps no journal
 *                         (WireMock scans the whole journal on every request to trim it)
 * @param latencyMs        a delay added to every answer, as a real department's processing time (0: none)
 */
public record SimulatorSettings(String stubs, int containerThreads, int journalEntries, int latencyMs) {

    public static final String SEEDED_STUBS = "classpath*:seeds/simulators/*/mappings/*.json";
}
