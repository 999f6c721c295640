package org.onewindow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seconds-long run CI makes (bench/run --smoke) so the benchmark keeps working: it must complete against
 * the packaged hub and write its results, report and charts. It asserts that, never a speed.
 */
@Tag("slow") // minutes of its own JVMs: run by `./mvnw verify -Pslow` (.ci/run runs both)
class BenchSmokeIT {

    @Test
    void aSmokeRunCompletesAndWritesItsReport() throws Exception {
        Path out = Path.of("target/smoke-it");
        Path report = BenchRunner.run(BenchOptions.parse("--smoke", "--out", out.toString()), "bench/run --smoke");

        String date = LocalDate.now().toString();
        assertThat(report).isEqualTo(out.resolve(date + ".md")).isRegularFile();
        assertThat(out.resolve(date + "-latency.svg")).isRegularFile();
        assertThat(out.resolve(date + "-throughput.svg")).isRegularFile();
        JsonNode result = BenchHttp.JSON.readTree(out.resolve(date + ".json").toFile());
        assertThat(result.get("stages")).hasSize(2);
        for (JsonNode stage : result.get("stages")) {
            assertThat(stage.get("points")).isNotEmpty();
            stage.get("points").forEach(point -> assertThat(point.get("completed").asInt()).as(point.toString()).isPositive());
            assertThat(stage.get("databaseBytes").asLong()).isPositive();
        }
        assertThat(result.at("/baselines/sequential/cases").asInt()).isPositive();
        assertThat(result.at("/baselines/rawArtemis/messages").asLong()).isPositive();
        assertThat(result.at("/baselines/licenceVerification/rawAllCores").asDouble()).isPositive();
        assertThat(result.at("/baselines/licenceVerification/endpointPerSecond").asDouble()).isPositive();
        String markdown = Files.readString(report);
        assertThat(markdown).contains("## Targets", "## Baselines (same run)", "## Load points", "## Stored history",
                "## Where the hub spends its CPU");
    }
}
