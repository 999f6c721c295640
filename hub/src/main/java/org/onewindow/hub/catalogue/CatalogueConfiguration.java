package org.onewindow.hub.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CatalogueConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CatalogueConfiguration.class);

    @Bean
    ServiceCatalogue serviceCatalogue(CatalogueProperties properties, CalendarProperties calendar, ObjectMapper objectMapper) {
        SourcedCatalogue loaded = new CatalogueLoader(objectMapper, officeHours(calendar)).load(properties.location(), properties.schema());
        ServiceCatalogue catalogue = new ServiceCatalogue(loaded.catalogue());
        log.info("Catalogue loaded from {}: {} departments, {} items, {} bundles, {} licence types, {} sharing agreements, calendar years {}",
                properties.location(), loaded.departments().size(), loaded.items().size(), loaded.bundles().size(),
                loaded.licenceTypes().size(), loaded.sharingAgreements().size(),
                loaded.calendar().stream().map(y -> y.value().year()).toList());
        return catalogue;
    }

    @Bean
    DeadlineCalendar deadlineCalendar(ServiceCatalogue catalogue) {
        return new DeadlineCalendar(catalogue.catalogue().calendar());
    }

    @Bean
    WorkingCalendar workingCalendar(DeadlineCalendar days, CalendarProperties properties) {
        return new WorkingCalendar(days, officeHours(properties), properties.timeZone());
    }

    private static java.util.List<WorkingCalendar.Session> officeHours(CalendarProperties properties) {
        return properties.officeHours().stream().map(WorkingCalendar.Session::parse).toList();
    }
}
