package org.onewindow.hub.materials;

/** Materials exempted (免提交) out of materials required, counted per item and material. */
public record ExemptionCount(long exempted, long required, double ratio) {

    public static ExemptionCount of(long exempted, long required) {
        return new ExemptionCount(exempted, required, required == 0 ? 0.0 : Math.round(10000.0 * exempted / required) / 10000.0);
    }
}
