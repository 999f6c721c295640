package org.onewindow.hub.materials;

import org.onewindow.hub.catalogue.ServiceCatalogue;
import org.onewindow.schemas.cases.ApplicantKind;
import org.onewindow.schemas.cases.CaseRequest;
import org.onewindow.schemas.catalogue.LicenceType;
import org.onewindow.schemas.catalogue.MaterialRequirement;
import org.onewindow.schemas.catalogue.MaterialSource;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Decides whose licence or record a material is. The applicant by default; a company's licence for a company
 * applicant; a person's licence of a company applicant is that of the person acting for it (经办人); and a
 * material the catalogue marks with form fields (the seller's title certificate) is held by whoever they name.
 */
@Component
class MaterialHolders {

    private static final String COMPANY = "company";

    private final ServiceCatalogue catalogue;

    MaterialHolders(ServiceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    Optional<Holder> holderOf(MaterialRequirement material, CaseRequest request) {
        if (material.holder() != null) {
            String id = request.form().get(material.holder().idField());
            if (id == null || id.isBlank()) {
                return Optional.empty();
            }
            String nameField = material.holder().nameField();
            return Optional.of(new Holder(id.strip(), nameField == null ? null : request.form().get(nameField)));
        }
        var applicant = request.applicant();
        if (material.source() != MaterialSource.LICENCE) {
            return Optional.of(new Holder(applicant.holderId(), applicant.name()));
        }
        boolean companyLicence = catalogue.licenceType(material.licenceType()).map(LicenceType::holderKind)
                .filter(COMPANY::equals).isPresent();
        if (companyLicence) {
            return applicant.kind() == ApplicantKind.COMPANY
                    ? Optional.of(new Holder(applicant.creditCode(), applicant.name()))
                    : Optional.empty();
        }
        if (applicant.kind() == ApplicantKind.PERSON) {
            return Optional.of(new Holder(applicant.idNumber(), applicant.name()));
        }
        // the company's agent: known by ID number only, so only the number is checked
        return applicant.idNumber() == null ? Optional.empty() : Optional.of(new Holder(applicant.idNumber(), null));
    }

    String unknownHolderReason(MaterialRequirement material, CaseRequest request) {
        if (material.holder() != null) {
            return "the form does not name its holder (form." + material.holder().idField() + ")";
        }
        return request.applicant().kind() == ApplicantKind.PERSON
                ? "it is held by a company, and the applicant is a person"
                : "it is held by a person, and the case names no one acting for the company (applicant.idNumber)";
    }
}
