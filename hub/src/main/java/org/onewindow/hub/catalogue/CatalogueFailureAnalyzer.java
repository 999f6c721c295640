package org.onewindow.hub.catalogue;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad catalogue into a short start-up message instead of a stack trace. */
class CatalogueFailureAnalyzer extends AbstractFailureAnalyzer<CatalogueException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CatalogueException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Correct the catalogue files named above (their shape is schemas/catalogue.schema.json), "
                        + "or point onewindow.catalogue.location at a valid catalogue.", cause);
    }
}
