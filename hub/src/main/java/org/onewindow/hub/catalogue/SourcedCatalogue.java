package org.onewindow.hub.catalogue;

import org.onewindow.schemas.catalogue.Bundle;
import org.onewindow.schemas.catalogue.CalendarYear;
import org.onewindow.schemas.catalogue.Catalogue;
import org.onewindow.schemas.catalogue.Department;
import org.onewindow.schemas.catalogue.Item;
import org.onewindow.schemas.catalogue.LicenceType;
import org.onewindow.schemas.catalogue.SharingAgreement;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The catalogue with, for every entry, the file and position it came from, so faults can name them. */
record SourcedCatalogue(
        List<Sourced<Department>> departments,
        List<Sourced<Item>> items,
        List<Sourced<Bundle>> bundles,
        List<Sourced<LicenceType>> licenceTypes,
        List<Sourced<SharingAgreement>> sharingAgreements,
        List<Sourced<CalendarYear>> calendar) {

    /** An entry, and where it was written: "items.yaml: items[3] (SI-CARD)". */
    record Sourced<T>(T value, String file, String section, int index, String code) {
        String where() {
            return file + ": " + section + "[" + index + "]" + (code == null ? "" : " (" + code + ")");
        }
    }

    static SourcedCatalogue empty() {
        return new SourcedCatalogue(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    SourcedCatalogue merge(String file, Catalogue part) {
        return new SourcedCatalogue(
                join(departments, file, "departments", part.departments(), Department::code),
                join(items, file, "items", part.items(), Item::code),
                join(bundles, file, "bundles", part.bundles(), Bundle::code),
                join(licenceTypes, file, "licenceTypes", part.licenceTypes(), LicenceType::code),
                join(sharingAgreements, file, "sharingAgreements", part.sharingAgreements(), SharingAgreement::code),
                join(calendar, file, "calendar", part.calendar(), year -> String.valueOf(year.year())));
    }

    SourcedCatalogue withBundles(List<Sourced<Bundle>> replaced) {
        return new SourcedCatalogue(departments, items, List.copyOf(replaced), licenceTypes, sharingAgreements, calendar);
    }

    Catalogue catalogue() {
        return new Catalogue(values(departments), values(items), values(bundles), values(licenceTypes),
                values(sharingAgreements), values(calendar));
    }

    private static <T> List<Sourced<T>> join(List<Sourced<T>> existing, String file, String section, List<T> added,
                                             Function<T, String> code) {
        List<Sourced<T>> all = new ArrayList<>(existing);
        for (int i = 0; i < added.size(); i++) {
            all.add(new Sourced<>(added.get(i), file, section, i, code.apply(added.get(i))));
        }
        return List.copyOf(all);
    }

    private static <T> List<T> values(List<Sourced<T>> sourced) {
        return sourced.stream().map(Sourced::value).toList();
    }
}
