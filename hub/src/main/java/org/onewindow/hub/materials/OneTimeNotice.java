package org.onewindow.hub.materials;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The one-time notice (一次性告知单): for one applicant and one item or bundle, exactly what they still must
 * bring, what may be brought later, and what they need not bring because the hub obtained it (with the licence
 * or record that replaced it). A material counts once however many items of a bundle require it.
 *
 * @param waitingForSystems materials the hub could not check now because the system holding them is down: the
 *                          applicant is told, not asked to bring them
 * @param ratio             materials exempted ÷ materials required, counted per item as the exemption figures are
 */
public record OneTimeNotice(
        String noticeId,
        String serviceCode,
        String serviceName,
        String serviceNameZh,
        String applicantName,
        String applicantMaskedId,
        Instant issuedAt,
        List<Entry> mustBring,
        List<Entry> mayDefer,
        List<Entry> exempt,
        List<Entry> waitingForSystems,
        ExemptionCount ratio,
        String printUrl) {

    /**
     * @param items     the items that require it
     * @param brought   for a material to bring: the applicant already has it with them (listed in the request)
     * @param reference for an exempt material: the e-licence identifier or the shared record's reference
     */
    public record Entry(String materialCode, String name, String nameZh, List<String> items, String holderMaskedId,
                        String reason, LocalDate deferredUntil, String evidence, String reference, Instant verifiedAt,
                        boolean brought) {
    }
}
