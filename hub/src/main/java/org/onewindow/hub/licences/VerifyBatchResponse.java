package org.onewindow.hub.licences;

import java.util.List;

/** One result per verification asked for, in the same order. */
record VerifyBatchResponse(List<Verification> results) {
}
