package org.onewindow.hub.licences;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** POST /api/v1/licences/verifications: up to 100 verifications, each as POST /api/v1/licences/verify takes it. */
record VerifyBatchRequest(@NotEmpty @Size(max = 100) List<@NotNull @Valid VerifyRequest> verifications) {
}
