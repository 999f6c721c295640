package org.onewindow.seeds.simulators;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simulators run on their own: on fixed loopback ports from the base port, with the settings the hubs need. */
class StandaloneSimulatorsTest {

    @Test
    void everySimulatorListensOnTheLoopbackAddressFromTheBasePortOn() throws IOException {
        int basePort = freeRange(12);
        StandaloneSimulators.Options options = StandaloneSimulators.Options.parse("--base-port", String.valueOf(basePort),
                "--hubs", "http://127.0.0.1:18081, http://127.0.0.1:18082/");
        assertThat(options.hubs()).containsExactly("http://127.0.0.1:18081", "http://127.0.0.1:18082");
        try (DepartmentSimulators simulators = StandaloneSimulators.start(options)) {
            List<String> departments = new ArrayList<>(simulators.departments());
            assertThat(departments).contains("real-estate", "tax", "provincial").isSorted();
            for (int i = 0; i < departments.size(); i++) {
                String department = departments.get(i);
                assertThat(simulators.server(department).orElseThrow().port()).as(department).isEqualTo(basePort + i);
                assertThat(simulators.hubSettings().get("onewindow.departments." + department + ".base-url"))
                        .isEqualTo("http://127.0.0.1:" + (basePort + i));
            }
            List<String> lines = StandaloneSimulators.settingsLines(simulators.hubSettings());
            assertThat(lines).contains("onewindow.departments.real-estate.callback-secret=" + simulators.callbackSecret("real-estate"))
                    .hasSize(2 * departments.size());
            assertThat(URI.create(lines.get(0).substring(lines.get(0).indexOf('=') + 1)).getHost()).isEqualTo("127.0.0.1");
            assertThatThrownBy(() -> simulators.server("tax").orElseThrow().getAllServeEvents())
                    .as("no request journal outside tests").isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void refusesACommandLineItCannotUse() {
        assertThatThrownBy(() -> StandaloneSimulators.Options.parse("--hubs", "http://127.0.0.1:18081"))
                .hasMessageContaining("--base-port and --hubs are required");
        assertThatThrownBy(() -> StandaloneSimulators.Options.parse("--base-port", "19001", "--hubs", "127.0.0.1:18081"))
                .hasMessageContaining("a hub is a base URL");
        assertThatThrownBy(() -> StandaloneSimulators.Options.parse("--base-port", "19001", "--hubs", "http://h:1", "--journal", "5"))
                .hasMessageContaining("unknown option(s) [journal]");
        assertThatThrownBy(() -> StandaloneSimulators.Options.parse("--base-port", "80", "--hubs", "http://h:1"))
                .hasMessageContaining("between 1024 and 65000");
        assertThat(StandaloneSimulators.Options.parse("--base-port", "19001", "--hubs", "http://h:1", "--settings-file", "d.properties")
                .settingsFile()).isEqualTo(Path.of("d.properties"));
    }

    /** The first of count consecutive loopback ports that nothing listens on just now. */
    private static int freeRange(int count) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20000, 40000);
            if (allFree(base, count)) {
                return base;
            }
        }
        throw new IOException("no " + count + " consecutive free ports found");
    }

    private static boolean allFree(int base, int count) {
        for (int port = base; port < base + count; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}
