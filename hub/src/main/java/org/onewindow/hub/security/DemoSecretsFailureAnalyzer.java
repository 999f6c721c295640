package org.onewindow.hub.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns demo credentials in production into a short start-up message naming the settings. */
class DemoSecretsFailureAnalyzer extends AbstractFailureAnalyzer<DemoSecretsInProductionException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DemoSecretsInProductionException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Give each setting named above your own file or key (docs: README, 'Callers and credentials'), "
                        + "or start without the production profile to try the hub with its demo callers.", cause);
    }
}
