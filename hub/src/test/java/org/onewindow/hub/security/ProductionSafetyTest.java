package org.onewindow.hub.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.hub.OneWindowHubApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The production profile refuses to start with demo credentials, and names every setting that holds one. */
@ExtendWith(OutputCaptureExtension.class)
class ProductionSafetyTest {

    @TempDir
    Path data;

    @Test
    void productionWithTheDemoCallersAndKeyRefusesToStartNamingEachSetting(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(OneWindowHubApplication.class).profiles("production").run(
                "--onewindow.security.authorization-server.enabled=true",
                "--onewindow.security.authorization-server.clients-file=classpath:seeds/security/clients.yaml",
                "--onewindow.security.authorization-server.signing-key=classpath:seeds/security/demo-jwt-signing-key.pem",
                "--onewindow.security.people-file=classpath:seeds/security/people.yaml",
                "--onewindow.security.holder-tokens-file=classpath:seeds/demo/holder-tokens.yaml",
                "--ONEWINDOW_ISSUER_URI=https://login.example.gov.cn/realms/hub",
                "--onewindow.data-dir=" + data, "--server.port=0"))
                .isInstanceOf(DemoSecretsInProductionException.class);
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("onewindow.security.authorization-server.clients-file (classpath:seeds/security/clients.yaml) lists the demo clients")
                .contains("onewindow.security.authorization-server.signing-key (classpath:seeds/security/demo-jwt-signing-key.pem) is the demo token signing key")
                .contains("onewindow.security.people-file (classpath:seeds/security/people.yaml) lists the demo people")
                .contains("onewindow.security.holder-tokens-file (classpath:seeds/demo/holder-tokens.yaml) lists the demo holder tokens");
    }

    @Test
    void productionAsConfiguredCarriesNoDemoCredential() {
        // the production profile's own settings: an external issuer, no password file, no holder tokens file
        GenericApplicationContext context = new GenericApplicationContext();
        context.getEnvironment().setActiveProfiles("production");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("production", Map.of(
                "onewindow.security.authorization-server.enabled", "false",
                "onewindow.security.authorization-server.clients-file", "classpath:seeds/security/clients.yaml",
                "onewindow.security.people-file", "",
                "onewindow.security.holder-tokens-file", "")));
        new ProductionSafety().initialize(context);
    }

    @Test
    void theDefaultProfileKeepsItsDemoCallers() {
        GenericApplicationContext context = new GenericApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("default", Map.of(
                "onewindow.security.people-file", "classpath:seeds/security/people.yaml")));
        new ProductionSafety().initialize(context);
    }
}
