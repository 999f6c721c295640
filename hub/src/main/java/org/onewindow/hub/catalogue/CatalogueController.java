package org.onewindow.hub.catalogue;

import org.onewindow.schemas.catalogue.Bundle;
import org.onewindow.schemas.catalogue.Item;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The catalogue as the intake system and integrators read it. */
@RestController
@RequestMapping(path = "/api/v1/catalogue", produces = "application/json")
class CatalogueController {

    private final ServiceCatalogue catalogue;

    CatalogueController(ServiceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/items")
    ItemList items() {
        return new ItemList(catalogue.items());
    }

    @GetMapping("/bundles")
    BundleList bundles() {
        return new BundleList(catalogue.bundles());
    }

    /** Wrapped in an object so that paging or filters can be added without breaking readers. */
    record ItemList(List<Item> items) {
    }

    record BundleList(List<Bundle> bundles) {
    }
}
