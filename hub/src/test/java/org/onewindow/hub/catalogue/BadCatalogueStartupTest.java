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
    void theHubRefusesToStartAndNamesTheFault(CapturedOutput output) throws IOException {
        Files.writeString(catalogue.resolve("items.yaml"), """
                items:
                  - { code: SI-X, name: X, nameZh: 某事项, type: licensing, department: social-insurance,
                      legalLimitDays: 5, promisedLimitDays: 10, handling: promised, materials: [] }
                departments:
                  - { code: social-insurance, name: SI, nameZh: 社保, dialect: rest-json }
                """);
        assertThatThrownBy(() -> new SpringApplicationBuilder(OneWindowHubApplication.class).run(
                "--onewindow.catalogue.location=file:" + catalogue + "/*.yaml",
                "--onewindow.data-dir=" + data, "--server.port=0", "--onewindow.simulators.enabled=false"))
                .hasRootCauseInstanceOf(CatalogueException.class);
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("items.yaml: items[0] (SI-X), field promisedLimitDays: promises 10 working days, more than the legal limit of 5");
    }
}
