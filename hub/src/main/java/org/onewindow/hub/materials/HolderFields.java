package org.onewindow.hub.materials;

import org.onewindow.hub.catalogue.ServiceCatalogue;
import org.onewindow.hub.problems.Fault;
import org.onewindow.schemas.cases.CaseRequest;
import org.onewindow.schemas.catalogue.Bundle;
import org.onewindow.schemas.catalogue.Item;
import org.onewindow.schemas.catalogue.LicenceType;
import org.onewindow.schemas.catalogue.MaterialRequirement;
import org.onewindow.schemas.catalogue.MaterialRequirement.HolderRef;
import org.onewindow.schemas.identity.ResidentIdNumberValidator;
import org.onewindow.schemas.identity.UnifiedSocialCreditCodeValidator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The form fields the catalogue uses to name a holder ({@code holder.idField} of a material: the seller's ID number,
 * the employer's credit code), which are the keys licences and shared records are looked up by and stored under.
 * They are identifiers like the applicant's own and are validated the same way, by the holder's kind: a person's
 * resident ID number (GB 11643), a company's unified social credit code (GB 32100). Intake refuses a request
 * breaking them with the usual 400 listing the fault as {@code form.<field>}, before anything is read or stored.
 */
@Component
public class HolderFields {

    private final ServiceCatalogue catalogue;
    private final Clock clock;
    private final ZoneId zone;

    HolderFields(ServiceCatalogue catalogue, Clock clock, @Value("${onewindow.intake.time-zone}") ZoneId zone) {
        this.catalogue = catalogue;
        this.clock = clock;
        this.zone = zone;
    }

    /** Every holder field of the request's item or bundle that is not an identifier of its kind; none for an unknown code. */
    public List<Fault> faults(CaseRequest request) {
        Map<String, Fault> faults = new LinkedHashMap<>();
        items(request).flatMap(item -> item.materials().stream()).filter(material -> material.holder() != null).forEach(material -> {
            String field = material.holder().idField();
            String value = request.form().get(field);
            if (value == null || value.isBlank() || faults.containsKey(field)) {
                return; // no holder named: the material is then one the applicant brings (MaterialHolders)
            }
            fault(kind(material), value.strip()).ifPresent(f -> faults.put(field, new Fault("form." + field, f.code(), f.message())));
        });
        return List.copyOf(faults.values());
    }

    private Stream<Item> items(CaseRequest request) {
        if (request.itemCode() != null) {
            return catalogue.item(request.itemCode()).stream();
        }
        if (request.bundleCode() != null) {
            return catalogue.bundle(request.bundleCode()).stream().flatMap(bundle -> bundle.steps().stream())
                    .map(Bundle.Step::item).flatMap(code -> catalogue.item(code).stream());
        }
        return Stream.empty();
    }

    private String kind(MaterialRequirement material) {
        if (material.holder().kind() != null) {
            return material.holder().kind();
        }
        return catalogue.licenceType(material.licenceType()).map(LicenceType::holderKind).orElse(HolderRef.PERSON);
    }

    private Optional<Fault> fault(String kind, String value) {
        if (HolderRef.COMPANY.equals(kind)) {
            return UnifiedSocialCreditCodeValidator.fault(value).map(message -> new Fault("", "UnifiedSocialCreditCode", message));
        }
        return ResidentIdNumberValidator.fault(value, LocalDate.now(clock.withZone(zone)))
                .map(message -> new Fault("", "ResidentIdNumber", message));
    }
}
