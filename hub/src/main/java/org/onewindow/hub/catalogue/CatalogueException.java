package org.onewindow.hub.catalogue;

import java.util.List;

/** The catalogue cannot be used; each fault names the file, the entry and the field. */
public class CatalogueException extends RuntimeException {
    private final List<String> faults;

    CatalogueException(List<String> faults) {
        super("The service catalogue has " + faults.size() + " fault(s):\n  - " + String.join("\n  - ", faults));
        this.faults = List.copyOf(faults);
    }

    public List<String> faults() {
        return faults;
    }
}
