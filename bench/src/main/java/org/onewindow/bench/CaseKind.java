package org.onewindow.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One kind of case the benchmark submits: a seeded demo case, how often it is drawn, and its critical
 * path: the department time no hub can avoid (one round of material look-ups at intake, e-licence
 * library and data exchange, made in parallel; then the longest chain of dependent steps, each taking the
 * simulated answer time; plus any decision a department sends later by callback).
 *
 * @param name          as reported
 * @param demoFile      the request body, from seeds/demo on the classpath
 * @param weight        share of the mix
 * @param chainedCalls  department calls on the longest dependency chain of the bundle (1 for a single item)
 * @param callbackMs    time a department on that chain takes to call back after it answered (its stub's delayMs)
 * @param bundle        a bundle (一件事) rather than a single item
 */
record CaseKind(String name, String demoFile, int weight, int chainedCalls, int callbackMs, boolean bundle) {

    /**
     * The mix: every seeded bundle and a single item. The chains follow seeds/catalogue/bundles.yaml (CaseKindTest
     * checks them, and that no bundle of the catalogue is left out); the real-estate registry decides by callback 500 ms
     * after it accepted (seeds/simulators/real-estate, 00-accept). Opening a company (企业开办) is drawn as often as
     * opening a restaurant: every restaurant opened is a company opened, not the other way round, and no seed counts
     * how many of each a hall handles, so it is given the restaurant's weight rather than a guess above it.
     */
    static final List<CaseKind> MIX = List.of(
            new CaseKind("open-restaurant", "restaurant-case.json", 3, 2, 0, true),
            new CaseKind("company-opening", "company-opening-case.json", 3, 2, 0, true),
            new CaseKind("birth-of-a-child", "birth-case.json", 2, 2, 0, true),
            new CaseKind("flat-transfer", "flat-transfer-case.json", 2, 2, 500, true),
            new CaseKind("social-insurance-enrolment", "enrolment-case.json", 3, 1, 0, false));

    /** "open-restaurant ×3, company-opening ×3, …": the mix as reports name it. */
    static String describeMix() {
        return String.join(", ", MIX.stream().map(k -> k.name() + " ×" + k.weight()).toList());
    }

    /** Every kind of the mix needs at least one licence or shared record, all looked up at once at intake. */
    static final int MATERIAL_LOOKUP_ROUNDS = 1;

    long criticalPathMs(int latencyMs) {
        return (long) (MATERIAL_LOOKUP_ROUNDS + chainedCalls) * latencyMs + callbackMs;
    }

    String body() {
        try (InputStream in = CaseKind.class.getResourceAsStream("/seeds/demo/" + demoFile)) {
            if (in == null) {
                throw new IllegalStateException("seeds/demo/" + demoFile + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The i-th case of a run, drawn by weight so that every run submits the same sequence. */
    static CaseKind draw(long i) {
        int total = MIX.stream().mapToInt(CaseKind::weight).sum();
        long slot = Math.floorMod(i * 7919L, total);
        for (CaseKind kind : MIX) {
            slot -= kind.weight;
            if (slot < 0) {
                return kind;
            }
        }
        throw new AssertionError();
    }
}
