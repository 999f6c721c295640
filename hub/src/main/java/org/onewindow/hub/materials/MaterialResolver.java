package org.onewindow.hub.materials;

import org.onewindow.hub.caselog.CaseLogContext;
import org.onewindow.hub.catalogue.DeadlineCalendar;
import org.onewindow.hub.catalogue.ServiceCatalogue;
import org.onewindow.schemas.cases.CaseRequest;
import org.onewindow.schemas.cases.MaterialSubmission;
import org.onewindow.schemas.catalogue.Bundle;
import org.onewindow.schemas.catalogue.Item;
import org.onewindow.schemas.catalogue.MaterialRequirement;
import org.onewindow.schemas.catalogue.SharingAgreement;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Resolves every material every item of a case requires (免证办): a licence is looked up in the e-licence library
 * and verified, a shared record is asked of the department that owns it under a sharing agreement, a licence or
 * record an earlier step of the same bundle produces is never asked for, and only what the hub cannot obtain is
 * left to the applicant, to bring now or, where the catalogue allows, later (容缺).
 *
 * <p>Every look-up states the purpose (申请事由: the item or bundle applied for) and the case, and the look-ups of
 * one case run in parallel, so a case waits about one library answer however many materials it has.
 */
@Component
public class MaterialResolver {

    private static final int SAFETY_FACTOR = 10;

    private final ServiceCatalogue catalogue;
    private final MaterialHolders holders;
    private final LicenceEvidence licences;
    private final SharedDataExchange exchange;
    private final DeadlineCalendar calendar;
    private final Clock clock;
    private final ZoneId zone;
    private final MaterialProperties properties;
    private final ExecutorService lookups;

    MaterialResolver(ServiceCatalogue catalogue, MaterialHolders holders, LicenceEvidence licences, SharedDataExchange exchange,
                     DeadlineCalendar calendar, Clock clock, @Value("${onewindow.intake.time-zone}") ZoneId zone,
                     MaterialProperties properties, @Qualifier("materialLookups") ExecutorService lookups) {
        this.catalogue = catalogue;
        this.holders = holders;
        this.licences = licences;
        this.exchange = exchange;
        this.calendar = calendar;
        this.clock = clock;
        this.zone = zone;
        this.properties = properties;
        this.lookups = lookups;
    }

    /** The purpose (申请事由) every look-up for this request states: what the applicant applies for. */
    public String purpose(CaseRequest request) {
        String nameZh = request.itemCode() != null
                ? catalogue.item(request.itemCode()).map(Item::nameZh).orElse("")
                : catalogue.bundle(request.bundleCode()).map(Bundle::nameZh).orElse("");
        return "申请 " + nameZh + " (" + request.serviceCode() + ")";
    }

    /** @param caseId the case (or the one-time notice) the look-ups are made for */
    public MaterialResolution resolve(CaseRequest request, String caseId) {
        String purpose = purpose(request);
        Map<String, String> brought = new HashMap<>();
        for (MaterialSubmission submission : request.materials()) {
            brought.putIfAbsent(submission.code(), submission.documentRef() == null ? "" : submission.documentRef());
        }
        LocalDate deferredUntil = calendar.deadline(LocalDate.ofInstant(clock.instant(), zone), properties.deferralWorkingDays());
        Map<String, CompletableFuture<LookupOutcome>> started = new LinkedHashMap<>();
        List<Pending> pending = new ArrayList<>();
        for (CaseStep step : steps(request)) {
            for (MaterialRequirement material : step.item().materials()) {
                pending.add(plan(request, step, material, brought.get(material.code()), purpose, caseId, started));
            }
        }
        // each call carries its own timeout (lookup-timeout); this wait is only a safety net, long enough that a
        // look-up queued behind the hub's own busy threads is not taken for a system that is down
        Instant deadline = clock.instant().plus(properties.lookupTimeout().multipliedBy(SAFETY_FACTOR));
        List<ResolvedMaterial> resolved = new ArrayList<>();
        for (Pending p : pending) {
            resolved.add(p.finish(outcome(p.lookup(), deadline), deferredUntil));
        }
        return new MaterialResolution(resolved);
    }

    private Pending plan(CaseRequest request, CaseStep step, MaterialRequirement material, String documentRef,
                         String purpose, String caseId, Map<String, CompletableFuture<LookupOutcome>> started) {
        Pending base = new Pending(step, material, null, null, null, null, null);
        if (documentRef != null) {
            return base.withDocument(documentRef.isEmpty() ? "(brought)" : documentRef);
        }
        switch (material.source()) {
            case APPLICANT -> {
                return base.notObtainable("only the applicant holds it");
            }
            case LICENCE -> {
                // a step this one waits for issues it (the new company's business licence): the case never asks for it
                String issuedInCase = step.ancestors().stream()
                        .filter(s -> s.item().issues().contains(material.licenceType())).findFirst()
                        .map(s -> "issued in this case by step " + s.stepId() + " (" + s.item().code() + ")").orElse(null);
                Optional<Holder> holder = holders.holderOf(material, request);
                if (holder.isEmpty()) {
                    return issuedInCase != null ? base.exempt(issuedInCase)
                            : base.notObtainable(holders.unknownHolderReason(material, request));
                }
                // a holder who has the licence already is served from the library, with the licence as evidence
                return base.lookingUp(started.computeIfAbsent("licence|" + material.licenceType() + "|" + holder.get().id()
                                + "|" + holder.get().name(),
                        key -> async(() -> licences.find(callerFor(step), holder.get(), material.licenceType(), purpose, caseId))), holder.get())
                        .orElseIssuedInCase(issuedInCase);
            }
            case SHARED_DATA -> {
                String dataItem = material.sharedData().dataItem();
                // only a step this one waits for: the catalogue refuses a bundle whose steps would run side by side
                Optional<CaseStep> producer = step.ancestors().stream()
                        .filter(s -> s.item().produces().contains(dataItem)).findFirst();
                if (producer.isPresent()) {
                    return base.exempt("produced in this case by step " + producer.get().stepId() + " (" + producer.get().item().code() + ")");
                }
                String owner = material.sharedData().department();
                String consumer = step.item().department();
                Optional<SharingAgreement> agreement = agreement(owner, consumer, dataItem);
                if (!owner.equals(consumer) && agreement.isEmpty()) {
                    return base.notObtainable("no sharing agreement lets " + consumer + " read " + dataItem + " of " + owner);
                }
                Optional<Holder> holder = holders.holderOf(material, request);
                if (holder.isEmpty()) {
                    return base.notObtainable(holders.unknownHolderReason(material, request));
                }
                String agreementCode = agreement.map(SharingAgreement::code).orElse(null);
                return base.lookingUp(started.computeIfAbsent("data|" + owner + "|" + dataItem + "|" + consumer + "|" + holder.get().id(),
                        key -> async(() -> exchange.query(callerFor(step), owner, dataItem, consumer, agreementCode, holder.get(), purpose, caseId))),
                        holder.get());
            }
            default -> throw new IllegalStateException("unknown material source " + material.source());
        }
    }

    /** Who a look-up reads for, as the holder sees it in their access log: the one window, for this department's item. */
    private static String callerFor(CaseStep step) {
        return "one window for " + step.item().department() + " (" + step.item().code() + ")";
    }

    private Optional<SharingAgreement> agreement(String producer, String consumer, String dataItem) {
        return catalogue.catalogue().sharingAgreements().stream()
                .filter(a -> a.producer().equals(producer) && a.consumer().equals(consumer) && a.dataItems().contains(dataItem))
                .findFirst();
    }

    private CompletableFuture<LookupOutcome> async(Supplier<LookupOutcome> lookup) {
        // the look-up thread logs with the case's id (its access-log lines above all)
        return CompletableFuture.supplyAsync(CaseLogContext.carrying(lookup), lookups);
    }

    private LookupOutcome outcome(CompletableFuture<LookupOutcome> lookup, Instant deadline) {
        if (lookup == null) {
            return null;
        }
        try {
            long waitMs = Math.max(0, deadline.toEpochMilli() - clock.millis());
            return lookup.get(waitMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return LookupOutcome.unavailable("no answer within " + properties.lookupTimeout().multipliedBy(SAFETY_FACTOR).toMillis() + " ms");
        } catch (ExecutionException e) {
            // a look-up that failed in an unexpected way is treated as a system that did not answer: the case waits
            return LookupOutcome.unavailable("the look-up failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return LookupOutcome.unavailable("interrupted");
        }
    }

    /** The steps of the case: the single item, or the bundle's steps with what each depends on, directly or not. */
    private List<CaseStep> steps(CaseRequest request) {
        if (request.itemCode() != null) {
            Item item = catalogue.item(request.itemCode()).orElseThrow();
            return List.of(new CaseStep(null, item, List.of()));
        }
        Bundle bundle = catalogue.bundle(request.bundleCode()).orElseThrow();
        Map<String, CaseStep> built = new LinkedHashMap<>();
        for (Bundle.Step step : bundle.steps()) {
            built.put(step.id(), new CaseStep(step.id(), catalogue.item(step.item()).orElseThrow(), new ArrayList<>()));
        }
        built.values().forEach(step -> bundle.stepsBefore(step.stepId()).forEach(before -> step.ancestors().add(built.get(before))));
        return List.copyOf(built.values());
    }

    /** A step of the case: its item and the steps it waits for, directly or not. */
    private record CaseStep(String stepId, Item item, List<CaseStep> ancestors) {
    }

    /** A material on its way to a resolution: decided already, or waiting for a look-up. */
    private record Pending(CaseStep step, MaterialRequirement material, ResolvedMaterial decided,
                           CompletableFuture<LookupOutcome> lookup, Holder holder, String notObtainable, String issuedInCase) {

        Pending withDocument(String documentRef) {
            return decided(MaterialStatus.REQUIRED, null, null, null, null, "brought by the applicant", documentRef);
        }

        Pending exempt(String evidence) {
            return decided(MaterialStatus.EXEMPT, evidence, null, null, null, null, null);
        }

        Pending notObtainable(String reason) {
            return new Pending(step, material, null, null, holder, reason, null);
        }

        Pending lookingUp(CompletableFuture<LookupOutcome> started, Holder of) {
            return new Pending(step, material, null, started, of, null, null);
        }

        /** When the look-up finds nothing usable, a step of this case issuing the licence still exempts it. */
        Pending orElseIssuedInCase(String evidence) {
            return new Pending(step, material, decided, lookup, holder, notObtainable, evidence);
        }

        private Pending decided(MaterialStatus status, String evidence, String reference, Instant verifiedAt,
                                LocalDate deferredUntil, String reason, String documentRef) {
            return new Pending(step, material, resolved(status, evidence, reference, verifiedAt, deferredUntil, reason, documentRef),
                    null, holder, null, null);
        }

        ResolvedMaterial finish(LookupOutcome outcome, LocalDate deferredUntil) {
            if (decided != null) {
                return decided;
            }
            if (outcome == null) {
                return fallback(notObtainable, deferredUntil);
            }
            if (outcome.kind() != LookupOutcome.Kind.FOUND && issuedInCase != null) {
                return resolved(MaterialStatus.EXEMPT, issuedInCase, null, null, null, null, null);
            }
            return switch (outcome.kind()) {
                case FOUND -> resolved(MaterialStatus.EXEMPT, outcome.detail(), outcome.reference(), outcome.verifiedAt(), null, null, null);
                case NOT_USABLE -> fallback(outcome.detail(), deferredUntil);
                case UNAVAILABLE -> resolved(MaterialStatus.UNAVAILABLE, null, null, null, null, outcome.detail(), null);
            };
        }

        private ResolvedMaterial fallback(String reason, LocalDate deferredUntil) {
            return material.deferrable()
                    ? resolved(MaterialStatus.DEFERRED, null, null, null, deferredUntil, reason, null)
                    : resolved(MaterialStatus.REQUIRED, null, null, null, null, reason, null);
        }

        private ResolvedMaterial resolved(MaterialStatus status, String evidence, String reference, Instant verifiedAt,
                                          LocalDate deferredUntil, String reason, String documentRef) {
            return new ResolvedMaterial(step.stepId(), step.item().code(), material.code(), material.name(), material.nameZh(),
                    material.source(), holder == null ? null : holder.id(), status, evidence, reference, verifiedAt,
                    deferredUntil, reason, documentRef);
        }
    }
}
