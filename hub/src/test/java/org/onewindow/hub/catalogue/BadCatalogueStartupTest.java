package org.onewindow.hub.catalogue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.hub.OneWindowHubApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An operator who breaks the catalogue sees, at start-up, which file, entry and field to mend. */
@ExtendWith(OutputCaptureExtension.class)
class BadCatalogueStartupTest {

    @TempDir
    Path catalogue;
    @TempDir
    Path data;

    @Test
    void theHubRefusesToStartWithAPromiseLongerThanTheLegalLimitInTheHallsWorkingHours(CapturedOutput output) throws IOException {
        // application.yaml's office hours make a working day 7 hours: a promise of 8 working hours exceeds 1 working day
        Files.writeString(catalogue.resolve("items.yaml"), """
                items:
                  - { code: SI-X, name: X, nameZh: 某事项, type: licensing, department: social-insurance,
                      legalLimit: { amount: 1, unit: working-days }, promisedLimit: { amount: 8, unit: working-hours },
                      legalBasis: { nameZh: 某条例, name: Some regulation, articles: 第一条, effective: 2020-01-01 },
                      handling: promised, materials: [] }
                departments:
                  - { code: social-insurance, name: SI, nameZh: 社保, dialect: rest-json }
                """);
        assertThatThrownBy(this::start).hasRootCauseInstanceOf(CatalogueException.class);
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("items.yaml: items[0] (SI-X), field promisedLimit: promises 8 个工作小时 (8 working hours), "
                        + "more than the legal limit of 1 个工作日 (1 working day) (480 against 420 working minutes");
    }

    @Test
    void theHubRefusesToStartWithAnItemWithoutALegalBasis(CapturedOutput output) throws IOException {
        Files.writeString(catalogue.resolve("items.yaml"), """
                items:
                  - { code: SI-X, name: X, nameZh: 某事项, type: licensing, department: social-insurance,
                      legalLimit: { amount: 5, unit: working-days }, promisedLimit: { amount: 1, unit: working-days },
                      handling: promised, materials: [] }
                """);
        assertThatThrownBy(this::start).hasRootCauseInstanceOf(CatalogueException.class);
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("items.yaml: items[0] (SI-X), field legalBasis: required property 'legalBasis' not found");
    }

    private void start() {
        new SpringApplicationBuilder(OneWindowHubApplication.class).run(
                "--onewindow.catalogue.location=file:" + catalogue + "/*.yaml",
                "--onewindow.data-dir=" + data, "--server.port=0", "--onewindow.simulators.enabled=false");
    }
}
