package org.onewindow.schemas.cases;

/** The shape every catalogue code (item, bundle, material, department) has. */
public final class CatalogueCode {
    public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9-]{1,63}$";
    public static final String MESSAGE = "must be a catalogue code: letters, digits and hyphens, 2 to 64 characters";

    private CatalogueCode() {
    }
}
