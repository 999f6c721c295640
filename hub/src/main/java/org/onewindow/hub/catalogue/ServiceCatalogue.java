package org.onewindow.hub.catalogue;

import org.onewindow.schemas.catalogue.Bundle;
import org.onewindow.schemas.catalogue.Catalogue;
import org.onewindow.schemas.catalogue.Department;
import org.onewindow.schemas.catalogue.Item;
import org.onewindow.schemas.catalogue.LicenceType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The loaded catalogue, looked up by code. Immutable once loaded. */
public final class ServiceCatalogue {

    private final Catalogue catalogue;
    private final Map<String, Department> departments;
    private final Map<String, Item> items;
    private final Map<String, Bundle> bundles;
    private final Map<String, LicenceType> licenceTypes;

    public ServiceCatalogue(Catalogue catalogue) {
        this.catalogue = catalogue;
        this.departments = index(catalogue.departments(), Department::code);
        this.items = index(catalogue.items(), Item::code);
        this.bundles = index(catalogue.bundles(), Bundle::code);
        this.licenceTypes = index(catalogue.licenceTypes(), LicenceType::code);
    }

    public Optional<Item> item(String code) {
        return Optional.ofNullable(items.get(code));
    }

    public Optional<Bundle> bundle(String code) {
        return Optional.ofNullable(bundles.get(code));
    }

    public Optional<LicenceType> licenceType(String code) {
        return Optional.ofNullable(licenceTypes.get(code));
    }

    public Optional<Department> department(String code) {
        return Optional.ofNullable(departments.get(code));
    }

    /** The department whose system carries a department's traffic: itself, or the one it is reached through. */
    public String carrier(String department) {
        return department(department).map(Department::reachedThrough).filter(java.util.Objects::nonNull).orElse(department);
    }

    public List<Item> items() {
        return catalogue.items();
    }

    public List<Bundle> bundles() {
        return catalogue.bundles();
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    private static <T> Map<String, T> index(List<T> entries, Function<T, String> code) {
        Map<String, T> index = new LinkedHashMap<>();
        entries.forEach(entry -> index.put(code.apply(entry), entry));
        return Map.copyOf(index);
    }
}
