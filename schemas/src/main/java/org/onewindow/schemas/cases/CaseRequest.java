package org.onewindow.schemas.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the one window (一窗受理) submits: one applicant applying for one item (事项) or one bundle
 * (一件事), with the form data and the materials the applicant brought. The JSON Schema
 * {@code schemas/case-request.schema.json} describes the same shape; a test keeps the two in step.
 */
@OneServiceRequested
public record CaseRequest(
        @Pattern(regexp = CatalogueCode.PATTERN, message = CatalogueCode.MESSAGE) String itemCode,
        @Pattern(regexp = CatalogueCode.PATTERN, message = CatalogueCode.MESSAGE) String bundleCode,
        @NotNull @Valid Applicant applicant,
        @Size(max = 100) Map<@NotBlank @Size(max = 64) String, @NotNull @Size(max = 2000) String> form,
        @Size(max = 100) List<@NotNull @Valid MaterialSubmission> materials,
        Channel channel) {

    public CaseRequest {
        // copies that keep null entries, so that validation can name them instead of a constructor failing
        form = form == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(form));
        materials = materials == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(materials));
        channel = channel == null ? Channel.WINDOW : channel;
    }

    /** The catalogue code this case is for, item or bundle. */
    public String serviceCode() {
        return itemCode != null ? itemCode : bundleCode;
    }
}
