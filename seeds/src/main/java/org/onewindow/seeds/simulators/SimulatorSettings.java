package org.onewindow.seeds.simulators;

/**
 * How the department simulators run.
 *
 * @param stubs            resource pattern of the stub files; the folder above mappings/ names the department
 * @param containerThreads Jetty threads per simulator
 * @param journalEntries   requests each simulator remembers, for tests that read its journal; 0 keeps no journal
 *                         (WireMock scans the whole journal on every request to trim it)
 * @param latencyMs        a delay added to every answer, as a real department's processing time (0: none)
 * @param basePort         0: each simulator on a free port; otherwise the departments, in alphabetical order, on
 *                         basePort, basePort + 1, … (fixed ports, so that hubs in other processes can be told them)
 */
public record SimulatorSettings(String stubs, int containerThreads, int journalEntries, int latencyMs, int basePort) {

    public static final String SEEDED_STUBS = "classpath*:seeds/simulators/*/mappings/*.json";

    /** Each simulator on a free port. */
    public SimulatorSettings(String stubs, int containerThreads, int journalEntries, int latencyMs) {
        this(stubs, containerThreads, journalEntries, latencyMs, 0);
    }

    public SimulatorSettings {
        if (basePort < 0 || basePort > 65535) {
            throw new IllegalArgumentException("basePort must be 0 (free ports) or a port number, not " + basePort);
        }
    }
}
