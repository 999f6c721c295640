package org.onewindow.hub.security;

import java.util.List;

/** The production profile was started with demo credentials configured. */
class DemoSecretsInProductionException extends IllegalStateException {

    DemoSecretsInProductionException(List<String> settings) {
        super("The production profile refuses to start with demo credentials: " + String.join("; ", settings));
    }
}
