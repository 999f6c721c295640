package org.onewindow.schemas.catalogue;

/**
 * A material (申请材料) an item requires, and where it can come from.
 *
 * @param licenceType for source {@code licence}: the e-licence type that replaces the paper
 * @param sharedData  for source {@code shared-data}: the department and data item it is requested from
 * @param deferrable  the case may be accepted without it, to be supplied later (容缺受理)
 */
public record MaterialRequirement(
        String code,
        String name,
        String nameZh,
        MaterialSource source,
        String licenceType,
        SharedDataRef sharedData,
        boolean deferrable) {

    public record SharedDataRef(String department, String dataItem) {
    }
}
