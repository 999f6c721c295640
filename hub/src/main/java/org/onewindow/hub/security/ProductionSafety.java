package org.onewindow.hub.security;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;

import java.util.ArrayList;
import java.util.List;

/**
 * The production profile refuses to start while a demo credential is configured: the demo clients, people or
 * holder tokens (files marked demo: true), or the demo token signing key. The message names each setting. Checked
 * before any bean is made (an initializer), so a production hub never opens a port or a database with them.
 */
public class ProductionSafety implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The demo token signing key, which must not sign anything in production. */
    static final String DEMO_SIGNING_KEY = "classpath:seeds/security/demo-jwt-signing-key.pem";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (!environment.acceptsProfiles(Profiles.of("production"))) {
            return;
        }
        ResourceLoader resources = new DefaultResourceLoader(context.getClassLoader());
        List<String> demo = new ArrayList<>();
        boolean authorizationServer = environment.getProperty("onewindow.security.authorization-server.enabled", Boolean.class, true);
        if (authorizationServer) {
            demoFile(environment, resources, "onewindow.security.authorization-server.clients-file", "the demo clients", demo);
            String key = environment.getProperty("onewindow.security.authorization-server.signing-key");
            if (key != null && !key.isBlank() && SigningKey.read(resources, key).equals(SigningKey.read(resources, DEMO_SIGNING_KEY))) {
                demo.add("onewindow.security.authorization-server.signing-key (" + key + ") is the demo token signing key");
            }
        }
        demoFile(environment, resources, "onewindow.security.people-file", "the demo people", demo);
        demoFile(environment, resources, "onewindow.security.holder-tokens-file", "the demo holder tokens", demo);
        if (!demo.isEmpty()) {
            throw new DemoSecretsInProductionException(demo);
        }
    }

    private static void demoFile(ConfigurableEnvironment environment, ResourceLoader resources, String setting, String what,
                                 List<String> demo) {
        String location = environment.getProperty(setting);
        if (location != null && !location.isBlank() && CredentialFiles.isDemo(CredentialFiles.read(resources, location))) {
            demo.add(setting + " (" + location + ") lists " + what);
        }
    }
}
