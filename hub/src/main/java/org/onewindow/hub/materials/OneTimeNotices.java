package org.onewindow.hub.materials;

import org.onewindow.hub.access.IdentifierMask;
import org.onewindow.hub.catalogue.ServiceCatalogue;
import org.onewindow.schemas.cases.CaseRequest;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a material resolution into the one-time notice (一次性告知单) the applicant is handed. */
@Component
public class OneTimeNotices {

    private final ServiceCatalogue catalogue;

    OneTimeNotices(ServiceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public OneTimeNotice compose(String noticeId, CaseRequest request, MaterialResolution resolution, Instant issuedAt) {
        Map<MaterialStatus, Map<String, OneTimeNotice.Entry>> grouped = new LinkedHashMap<>();
        for (MaterialStatus status : MaterialStatus.values()) {
            grouped.put(status, new LinkedHashMap<>());
        }
        for (ResolvedMaterial m : resolution.materials()) {
            // one document, however many items ask for it
            String key = m.materialCode() + "|" + m.holderId();
            grouped.get(m.status()).merge(key, entry(m), (a, b) -> withItem(a, m.itemCode()));
        }
        String name = request.itemCode() != null
                ? catalogue.item(request.itemCode()).map(i -> i.name()).orElse("")
                : catalogue.bundle(request.bundleCode()).map(b -> b.name()).orElse("");
        String nameZh = request.itemCode() != null
                ? catalogue.item(request.itemCode()).map(i -> i.nameZh()).orElse("")
                : catalogue.bundle(request.bundleCode()).map(b -> b.nameZh()).orElse("");
        return new OneTimeNotice(noticeId, request.serviceCode(), name, nameZh, request.applicant().name(),
                IdentifierMask.mask(request.applicant().holderId()), issuedAt,
                List.copyOf(grouped.get(MaterialStatus.REQUIRED).values()),
                List.copyOf(grouped.get(MaterialStatus.DEFERRED).values()),
                List.copyOf(grouped.get(MaterialStatus.EXEMPT).values()),
                List.copyOf(grouped.get(MaterialStatus.UNAVAILABLE).values()),
                ExemptionCount.of(resolution.exempted(), resolution.materials().size()),
                "/api/v1/notices/" + noticeId + "/print");
    }

    private static OneTimeNotice.Entry entry(ResolvedMaterial m) {
        return new OneTimeNotice.Entry(m.materialCode(), m.name(), m.nameZh(), List.of(m.itemCode()),
                m.holderId() == null ? null : IdentifierMask.mask(m.holderId()), m.reason(), m.deferredUntil(), m.evidence(),
                m.reference(), m.verifiedAt(), m.documentRef() != null);
    }

    private static OneTimeNotice.Entry withItem(OneTimeNotice.Entry e, String itemCode) {
        if (e.items().contains(itemCode)) {
            return e;
        }
        List<String> items = new ArrayList<>(e.items());
        items.add(itemCode);
        return new OneTimeNotice.Entry(e.materialCode(), e.name(), e.nameZh(), List.copyOf(items), e.holderMaskedId(), e.reason(),
                e.deferredUntil(), e.evidence(), e.reference(), e.verifiedAt(), e.brought());
    }
}
