package org.onewindow.hub.materials;

import java.util.List;

/** Every material every item of one case (or one notice) requires, resolved. */
public record MaterialResolution(List<ResolvedMaterial> materials) {

    public MaterialResolution {
        materials = List.copyOf(materials);
    }

    /** A system holding some material did not answer: the case must wait rather than ask the applicant. */
    public boolean waiting() {
        return materials.stream().anyMatch(m -> m.status() == MaterialStatus.UNAVAILABLE);
    }

    /** Required materials the applicant did not bring. */
    public List<ResolvedMaterial> missing() {
        return materials.stream().filter(ResolvedMaterial::missing).toList();
    }

    /** Everyone whose material is resolved (full ID numbers and credit codes), the applicant given too. */
    public java.util.Set<String> holders(String applicantId) {
        java.util.Set<String> holders = new java.util.TreeSet<>();
        holders.add(applicantId);
        materials.stream().map(ResolvedMaterial::holderId).filter(java.util.Objects::nonNull).forEach(holders::add);
        return holders;
    }

    public long exempted() {
        return materials.stream().filter(m -> m.status() == MaterialStatus.EXEMPT).count();
    }
}
