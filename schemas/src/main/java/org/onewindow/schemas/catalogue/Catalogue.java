package org.onewindow.schemas.catalogue;

import java.util.ArrayList;
import java.util.List;

/**
 * The service catalogue (政务服务事项目录) the hub works from, as read from {@code seeds/catalogue/}:
 * departments, items, bundles, licence types, sharing agreements and the working-day calendar.
 * Every file of the catalogue has this shape with some sections left out; {@link #merge} joins them.
 */
public record Catalogue(
        List<Department> departments,
        List<Item> items,
        List<Bundle> bundles,
        List<LicenceType> licenceTypes,
        List<SharingAgreement> sharingAgreements,
        List<CalendarYear> calendar) {

    public Catalogue {
        departments = copy(departments);
        items = copy(items);
        bundles = copy(bundles);
        licenceTypes = copy(licenceTypes);
        sharingAgreements = copy(sharingAgreements);
        calendar = copy(calendar);
    }

    public static Catalogue empty() {
        return new Catalogue(null, null, null, null, null, null);
    }

    public Catalogue merge(Catalogue other) {
        return new Catalogue(join(departments, other.departments), join(items, other.items),
                join(bundles, other.bundles), join(licenceTypes, other.licenceTypes),
                join(sharingAgreements, other.sharingAgreements), join(calendar, other.calendar));
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    private static <T> List<T> join(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
