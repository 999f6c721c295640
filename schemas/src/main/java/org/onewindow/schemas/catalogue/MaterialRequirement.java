package org.onewindow.schemas.catalogue;

/**
 * A material (申请材料) an item requires, and where it can come from.
 *
 * @param licenceType for source {@code licence}: the e-licence type that replaces the paper
 * @param sharedData  for source {@code shared-data}: the department and data item it is requested from
 * @param deferrable  the case may be accepted without it, to be supplied later (容缺受理)
 * @param holder      for a material held by someone other than the applicant (the seller's title
 *                    certificate, a legal representative's ID card): the form fields naming the holder;
 *                    null when the applicant holds it
 */
public record MaterialRequirement(
        String code,
        String name,
        String nameZh,
        MaterialSource source,
        String licenceType,
        SharedDataRef sharedData,
        boolean deferrable,
        HolderRef holder) {

    public record SharedDataRef(String department, String dataItem) {
    }

    /**
     * Form fields (of the case request) that carry the holder's ID number or credit code, and name. The id
     * field is the key the material is looked up by, so intake validates it by the holder's kind.
     *
     * @param kind {@code person} (a resident ID number) or {@code company} (a unified social credit code); for a
     *             licence it may be left out, the licence type's holderKind says it
     */
    public record HolderRef(String idField, String nameField, String kind) {

        public static final String PERSON = "person";
        public static final String COMPANY = "company";
    }
}
