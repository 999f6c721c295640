package org.onewindow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short run of bench/run --two-hubs --smoke, so that the two-hub point keeps working: one hub and then two, on one
 * PostgreSQL and one real Artemis broker, must complete every case they were given and write the report, with the CPU of
 * each process. It asserts that the work was done and where (hub-2 used CPU only when it ran), never a speed.
 */
@Tag("slow") // minutes of its own JVMs (two hubs, a broker, PostgreSQL): run by `./mvnw verify -Pslow`
class TwoHubsSmokeIT {

    @Test
    void oneHubThenTwoCompleteEveryCaseAndTheReportGivesEachProcessItsCpu() throws Exception {
        Path out = Path.of("target/two-hubs-smoke-it");
        Path report = TwoHubs.run(TwoHubs.Options.parse("--two-hubs", "--smoke", "--out", out.toString()), "bench/run --two-hubs --smoke");

        String stem = LocalDate.now() + "-two-hubs";
        assertThat(report).isEqualTo(out.resolve(stem + ".md")).isRegularFile();
        JsonNode result = BenchHttp.JSON.readTree(out.resolve(stem + ".json").toFile());
        List<String> configurations = new ArrayList<>();
        for (JsonNode point : result.get("points")) {
            configurations.add(point.get("hubs").asInt() + " " + point.get("load").asText());
            assertThat(point.get("completed").asInt()).as(point.toString()).isPositive();
            assertThat(point.get("notCompleted").asInt()).as(point.toString()).isZero();
            JsonNode cpu = point.get("cpu");
            for (String process : List.of("hub-1", "broker (Artemis)", "PostgreSQL", "load generator", TwoHubs.MACHINE)) {
                assertThat(cpu.at("/" + process + "/seconds").asDouble()).as(process + " in " + point).isPositive();
            }
            // the load balancer spread the cases: the second hub worked exactly when it ran
            assertThat(cpu.has("hub-2")).as(point.toString()).isEqualTo(point.get("hubs").asInt() == 2);
            if (point.get("hubs").asInt() == 2) {
                assertThat(cpu.at("/hub-2/seconds").asDouble()).as(point.toString()).isPositive();
            }
        }
        assertThat(configurations).containsExactly("1 closed loop, 4 clients", "1 open loop, 2 cases/s",
                "2 closed loop, 4 clients", "2 open loop, 2 cases/s");
        assertThat(result.get("comparisons")).hasSize(2);
        result.get("comparisons").forEach(c -> assertThat(c.get("throughputRatio").asDouble()).as(c.toString()).isPositive());
        assertThat(Files.readString(report)).contains("## One hub against two", "## Every point: throughput and latency",
                "## Every point: CPU by process", "two ÷ one");
    }
}
