package org.onewindow.hub.catalogue;

import org.onewindow.hub.catalogue.SourcedCatalogue.Sourced;
import org.onewindow.schemas.catalogue.Bundle;
import org.onewindow.schemas.catalogue.CalendarYear;
import org.onewindow.schemas.catalogue.Item;
import org.onewindow.schemas.catalogue.LegalBasis;
import org.onewindow.schemas.catalogue.LicenceType;
import org.onewindow.schemas.catalogue.MaterialRequirement;
import org.onewindow.schemas.catalogue.MaterialSource;
import org.onewindow.schemas.catalogue.SharingAgreement;
import org.onewindow.schemas.catalogue.TimeLimit;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules a JSON Schema cannot state: references between entries, unique codes, acyclic bundles (and the bundles
 * they include, {@link BundleInclusion}), sane calendars, and promises (承诺时限) within the legal time limits (法定时限), compared in working minutes on the catalogue's calendar
 * and the hall's office hours.
 */
final class CatalogueConsistency {

    private final SourcedCatalogue catalogue;
    private final BundleInclusion inclusion;
    private final long minutesPerDay;
    private final DeadlineCalendar days;
    private final List<String> faults = new ArrayList<>();

    /** @param minutesPerDay the working minutes of one working day (the hall's office hours) */
    CatalogueConsistency(SourcedCatalogue catalogue, BundleInclusion inclusion, long minutesPerDay) {
        this.catalogue = catalogue;
        this.inclusion = inclusion;
        this.minutesPerDay = minutesPerDay;
        // years with a holiday that ends before it starts are reported below, not counted on
        this.days = new DeadlineCalendar(catalogue.calendar().stream().map(Sourced::value)
                .filter(year -> year.holidays().stream().noneMatch(h -> h.from().isAfter(h.to()))).toList());
    }

    List<String> faults() {
        unique(catalogue.departments());
        unique(catalogue.items());
        unique(catalogue.bundles());
        unique(catalogue.licenceTypes());
        unique(catalogue.sharingAgreements());
        unique(catalogue.calendar());
        Set<String> departments = codes(catalogue.departments());
        Set<String> licenceTypes = codes(catalogue.licenceTypes());
        Set<String> items = codes(catalogue.items());
        catalogue.departments().forEach(d -> {
            String via = d.value().reachedThrough();
            if (via != null && !departments.contains(via)) {
                fault(d, "reachedThrough", "unknown department '" + via + "'");
            }
        });
        catalogue.items().forEach(item -> checkItem(item, departments, licenceTypes));
        uniqueTypeCodes();
        faults.addAll(inclusion.faults());
        catalogue.bundles().forEach(bundle -> checkBundle(bundle, items));
        catalogue.sharingAgreements().forEach(agreement -> checkAgreement(agreement, departments));
        catalogue.sharingAgreements().forEach(this::checkAgreementCanFire);
        catalogue.calendar().forEach(this::checkCalendar);
        return List.copyOf(faults);
    }

    private void checkItem(Sourced<Item> sourced, Set<String> departments, Set<String> licenceTypes) {
        Item item = sourced.value();
        if (!departments.contains(item.department())) {
            fault(sourced, "department", "unknown department '" + item.department() + "'");
        }
        checkTimeLimits(sourced);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < item.materials().size(); i++) {
            MaterialRequirement material = item.materials().get(i);
            String field = "materials[" + i + "]";
            if (!seen.add(material.code())) {
                fault(sourced, field + ".code", "material '" + material.code() + "' is listed twice");
            }
            if (material.source() == MaterialSource.LICENCE && !licenceTypes.contains(material.licenceType())) {
                fault(sourced, field + ".licenceType", "unknown licence type '" + material.licenceType() + "'");
            }
            if (material.holder() != null) {
                checkHolderKind(sourced, field + ".holder.kind", material);
            }
            if (material.source() == MaterialSource.SHARED_DATA
                    && !departments.contains(material.sharedData().department())) {
                fault(sourced, field + ".sharedData.department",
                        "unknown department '" + material.sharedData().department() + "'");
            }
        }
        for (int i = 0; i < item.issues().size(); i++) {
            if (!licenceTypes.contains(item.issues().get(i))) {
                fault(sourced, "issues[" + i + "]", "unknown licence type '" + item.issues().get(i) + "'");
            }
        }
    }

    /**
     * The promise fits the legal limit, compared in working minutes (a working day is one day's office hours, a limit in
     * calendar days the fewest working days it can hold); an item no law gives a limit says why in its basis.
     */
    private void checkTimeLimits(Sourced<Item> sourced) {
        Item item = sourced.value();
        TimeLimit legal = item.legalLimit();
        TimeLimit promised = item.promisedLimit();
        LegalBasis basis = item.legalBasis();
        if (legal.isNone() && (basis.note() == null || basis.note().isBlank())) {
            fault(sourced, "legalBasis.note", "the legal limit is none: say here that no law or regulation sets a handling "
                    + "limit for the item, and what the regulation cited does set");
        }
        if (item.handling() == Item.Handling.IMMEDIATE && promised.count() != 0) {
            fault(sourced, "promisedLimit", "an immediate item (即办件) promises 0 working days, not " + promised);
        }
        if (item.handling() == Item.Handling.PROMISED && promised.count() == 0) {
            fault(sourced, "promisedLimit", "a promised item (承诺件) needs a limit above 0");
        }
        OptionalLong legalMinutes = WorkingCalendar.limitMinutes(legal, days, minutesPerDay);
        long promisedMinutes = WorkingCalendar.limitMinutes(promised, days, minutesPerDay).orElse(0);
        if (legalMinutes.isPresent() && promisedMinutes > legalMinutes.getAsLong()) {
            fault(sourced, "promisedLimit", "promises " + promised + ", more than the legal limit of " + legal
                    + " (" + promisedMinutes + " against " + legalMinutes.getAsLong() + " working minutes, a working day being "
                    + minutesPerDay + (legal.unit() == TimeLimit.Unit.DAYS ? ", and " + legal.count() + " calendar days at least "
                    + days.fewestWorkingDays(legal.count()) + " working days" : "") + ")");
        }
    }

    /**
     * A form field naming a holder is validated as an identifier of the holder's kind: the kind must be known (the
     * licence type's holderKind, or holder.kind), and both must agree when both are given.
     */
    private void checkHolderKind(Sourced<Item> sourced, String field, MaterialRequirement material) {
        String given = material.holder().kind();
        String ofLicence = material.source() == MaterialSource.LICENCE
                ? catalogue.licenceTypes().stream().map(Sourced::value).filter(t -> t.code().equals(material.licenceType()))
                        .map(LicenceType::holderKind).findFirst().orElse(null)
                : null;
        if (given == null && ofLicence == null) {
            fault(sourced, field, "say whether form." + material.holder().idField() + " names a person or a company");
        } else if (given != null && ofLicence != null && !given.equals(ofLicence)) {
            fault(sourced, field, "is " + given + ", but licence type '" + material.licenceType() + "' is held by a " + ofLicence);
        }
    }

    /** Two licence types with one national type code would make a licence identifier ambiguous. */
    private void uniqueTypeCodes() {
        Map<String, String> seen = new HashMap<>();
        catalogue.licenceTypes().forEach(type -> {
            String other = seen.putIfAbsent(type.value().typeCode(), type.code());
            if (other != null) {
                fault(type, "typeCode", "national type code " + type.value().typeCode() + " is already the code of '" + other + "'");
            }
        });
    }

    /**
     * A bundle's own steps (those of the bundles it includes are checked with those bundles): unique ids, known items,
     * dependencies on steps it has (its own or included ones), no circle, and shared records only from earlier steps.
     */
    private void checkBundle(Sourced<Bundle> sourced, Set<String> items) {
        Bundle bundle = sourced.value();
        List<Bundle.Step> included = inclusion.includedSteps(bundle.code());
        Map<String, List<String>> dependencies = new HashMap<>();
        included.forEach(step -> dependencies.put(step.id(), step.dependsOn()));
        for (int i = 0; i < bundle.steps().size(); i++) {
            Bundle.Step step = bundle.steps().get(i);
            if (dependencies.put(step.id(), step.dependsOn()) != null) {
                fault(sourced, "steps[" + i + "].id", "step id '" + step.id() + "' is used twice");
            }
            if (!items.contains(step.item())) {
                fault(sourced, "steps[" + i + "].item", "unknown item '" + step.item() + "'");
            }
        }
        for (int i = 0; i < bundle.steps().size(); i++) {
            for (String dependency : bundle.steps().get(i).dependsOn()) {
                if (!dependencies.containsKey(dependency)) {
                    fault(sourced, "steps[" + i + "].dependsOn", "unknown step '" + dependency + "'");
                }
            }
        }
        Optional<String> cycle = cycle(dependencies);
        cycle.ifPresent(step -> fault(sourced, "steps", "the steps depend on each other in a circle through '" + step + "'"));
        if (cycle.isEmpty()) {
            sharedDataComesFromEarlierSteps(sourced, bundle.withIncludedSteps(included), included.size());
        }
    }

    /**
     * A step is spared a shared record only once the step that produces it in the same case has answered, so a
     * step that needs a record another step of the bundle produces must wait for it, directly or not: run side
     * by side, it would be sent a record that does not exist yet.
     *
     * @param whole    the bundle with the steps of the bundles it includes
     * @param included how many of its steps come from included bundles (checked with those bundles)
     */
    private void sharedDataComesFromEarlierSteps(Sourced<Bundle> sourced, Bundle whole, int included) {
        List<Bundle.Step> steps = whole.steps();
        for (int i = included; i < steps.size(); i++) {
            Bundle.Step step = steps.get(i);
            Set<String> earlier = whole.stepsBefore(step.id());
            for (String dataItem : sharedDataNeeded(step.item())) {
                for (Bundle.Step other : steps) {
                    if (other != step && !earlier.contains(other.id()) && produces(other.item(), dataItem)) {
                        fault(sourced, "steps[" + (i - included) + "].dependsOn", "step '" + step.id() + "' needs " + dataItem
                                + ", which step '" + other.id() + "' produces in the same case: it must depend on '"
                                + other.id() + "', or its item must not ask for " + dataItem);
                    }
                }
            }
        }
    }

    private List<String> sharedDataNeeded(String itemCode) {
        return item(itemCode).map(item -> item.materials().stream()
                .filter(m -> m.source() == MaterialSource.SHARED_DATA).map(m -> m.sharedData().dataItem()).toList())
                .orElse(List.of());
    }

    private boolean produces(String itemCode, String dataItem) {
        return item(itemCode).map(item -> item.produces().contains(dataItem)).orElse(false);
    }

    private Optional<Item> item(String code) {
        return catalogue.items().stream().map(Sourced::value).filter(item -> item.code().equals(code)).findFirst();
    }

    private static Optional<String> cycle(Map<String, List<String>> dependencies) {
        Set<String> done = new HashSet<>();
        for (String start : dependencies.keySet()) {
            if (reachesItself(start, dependencies, new HashSet<>(), done)) {
                return Optional.of(start);
            }
        }
        return Optional.empty();
    }

    private static boolean reachesItself(String step, Map<String, List<String>> dependencies, Set<String> path, Set<String> done) {
        if (done.contains(step)) {
            return false;
        }
        if (!path.add(step)) {
            return true;
        }
        for (String next : dependencies.getOrDefault(step, List.of())) {
            if (reachesItself(next, dependencies, path, done)) {
                return true;
            }
        }
        path.remove(step);
        done.add(step);
        return false;
    }

    private void checkAgreement(Sourced<SharingAgreement> sourced, Set<String> departments) {
        SharingAgreement agreement = sourced.value();
        if (!departments.contains(agreement.producer())) {
            fault(sourced, "producer", "unknown department '" + agreement.producer() + "'");
        }
        if (!departments.contains(agreement.consumer())) {
            fault(sourced, "consumer", "unknown department '" + agreement.consumer() + "'");
        }
        if (agreement.producer().equals(agreement.consumer())) {
            fault(sourced, "consumer", "a department does not need an agreement with itself");
        }
    }

    /** An agreement over a data item its producer never produces would silently share nothing. */
    private void checkAgreementCanFire(Sourced<SharingAgreement> sourced) {
        SharingAgreement agreement = sourced.value();
        Set<String> produced = catalogue.items().stream().map(Sourced::value)
                .filter(item -> item.department().equals(agreement.producer()))
                .flatMap(item -> item.produces().stream()).collect(Collectors.toSet());
        for (int i = 0; i < agreement.dataItems().size(); i++) {
            if (!produced.contains(agreement.dataItems().get(i))) {
                fault(sourced, "dataItems[" + i + "]", "no item of " + agreement.producer() + " produces '"
                        + agreement.dataItems().get(i) + "'");
            }
        }
    }

    private void checkCalendar(Sourced<CalendarYear> sourced) {
        CalendarYear year = sourced.value();
        for (int i = 0; i < year.holidays().size(); i++) {
            CalendarYear.Holiday holiday = year.holidays().get(i);
            if (holiday.from().isAfter(holiday.to())) {
                fault(sourced, "holidays[" + i + "].to", "ends before it starts");
            }
            if (holiday.from().getYear() != year.year() && holiday.to().getYear() != year.year()) {
                fault(sourced, "holidays[" + i + "]", "lies outside " + year.year());
            }
        }
        for (int i = 0; i < year.adjustedWorkdays().size(); i++) {
            LocalDate day = year.adjustedWorkdays().get(i);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                fault(sourced, "adjustedWorkdays[" + i + "]", day + " is a " + day.getDayOfWeek()
                        + "; only a weekend day can be an adjusted working day (调休上班)");
            }
        }
    }

    private <T> void unique(List<Sourced<T>> entries) {
        Set<String> seen = new HashSet<>();
        entries.stream().filter(e -> !seen.add(e.code()))
                .forEach(e -> fault(e, "code", "'" + e.code() + "' is defined more than once"));
    }

    private static <T> Set<String> codes(List<Sourced<T>> entries) {
        return entries.stream().map(Sourced::code).collect(Collectors.toSet());
    }

    private void fault(Sourced<?> entry, String field, String problem) {
        faults.add(entry.where() + ", field " + field + ": " + problem);
    }
}
