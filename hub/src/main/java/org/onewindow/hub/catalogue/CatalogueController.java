package org.onewindow.hub.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
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
    private final WorkingCalendar calendar;

    CatalogueController(ServiceCatalogue catalogue, WorkingCalendar calendar) {
        this.catalogue = catalogue;
        this.calendar = calendar;
    }

    @GetMapping("/items")
    ItemList items() {
        return new ItemList(catalogue.items().stream().map(item -> new ItemView(item,
                calendar.wholeWorkingDays(item.legalLimit()), calendar.wholeWorkingDays(item.promisedLimit()))).toList());
    }

    @GetMapping("/bundles")
    BundleList bundles() {
        return new BundleList(catalogue.bundles().stream()
                .map(bundle -> new BundleView(bundle, calendar.wholeWorkingDays(bundle.promisedLimit()))).toList());
    }

    /** Wrapped in an object so that paging or filters can be added without breaking readers. */
    record ItemList(List<ItemView> items) {
    }

    record BundleList(List<BundleView> bundles) {
    }

    /**
     * An item with the limits in whole working days as readers written before limits could be hours see them
     * ({@link WorkingCalendar#wholeWorkingDays}); {@code legalLimitDays} is left out when no law sets a limit.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ItemView(@JsonUnwrapped Item item, Integer legalLimitDays, Integer promisedLimitDays) {
    }

    record BundleView(@JsonUnwrapped Bundle bundle, Integer promisedLimitDays) {
    }
}
