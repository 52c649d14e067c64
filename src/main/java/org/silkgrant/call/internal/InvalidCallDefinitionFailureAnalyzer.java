package org.silkgrant.call.internal;

import org.silkgrant.call.InvalidCallDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused call definition at start-up into a plain report of its problems instead of a stack trace. */
public class InvalidCallDefinitionFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCallDefinitionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidCallDefinitionException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Correct the call definition " + cause.source() + " (format: docs/call-definition.md) and start again.",
                null);
    }
}
