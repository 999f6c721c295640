package org.onewindow.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What one benchmark run does. Defaults are the full run the README quotes; --smoke is the seconds-long
 * run CI makes so the benchmark keeps working.
 *
 * @param postgres              the hub on PostgreSQL (an embedded one, started here) instead of its H2 default
 * @param latencyMs             every simulated department's answer time
 * @param histories             stored history sizes (cases already in the database) to measure at, ascending
 * @param rates                 open-loop arrival rates, cases/s (empty: no open-loop points)
 * @param concurrencies         closed-loop client counts (empty: no closed-loop points)
 * @param pointSeconds          how long each load point submits
 * @param maxCasesPerPoint      a bound on the cases of one point, whatever its rate and duration
 * @param departmentConcurrency consumers per department in the hub (its onewindow.departments.*.concurrency)
 * @param baselineSeconds       how long each baseline runs
 * @param jfr                   record a Java Flight Recording of the hub and report its hot spots
 * @param out                   where the results and the report are written
 */
public record BenchOptions(boolean postgres, int latencyMs, List<Integer> histories, List<Integer> rates,
                           List<Integer> concurrencies, int pointSeconds, int maxCasesPerPoint,
                           int departmentConcurrency, int baselineSeconds, boolean jfr, Path out, boolean smoke) {

    static final String USAGE = """
            bench/run [--smoke] [--postgres] [--latency-ms 50] [--histories 10000,100000,1000000]
                      [--rates 5,10,20,40] [--concurrency 8,32] [--seconds 20] [--max-cases 5000]
                      [--department-concurrency 32] [--baseline-seconds 10] [--no-jfr] [--out bench/results]
            """;

    static BenchOptions parse(String... args) {
        boolean smoke = Arrays.asList(args).contains("--smoke");
        BenchOptions o = smoke
                ? new BenchOptions(false, 50, List.of(100, 1_000), List.of(10), List.of(4), 3, 200, 16, 2, true,
                        Path.of("bench/target/smoke"), true)
                : new BenchOptions(false, 50, List.of(10_000, 100_000, 1_000_000), List.of(5, 10, 20, 40),
                        List.of(8, 32), 20, 5_000, 32, 10, true, Path.of("bench/results"), false);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--smoke" -> { }
                case "--postgres" -> o = o.with(true, o.latencyMs, o.histories, o.rates, o.concurrencies, o.pointSeconds,
                        o.maxCasesPerPoint, o.departmentConcurrency, o.baselineSeconds, o.jfr, o.out);
                case "--no-jfr" -> o = o.with(o.postgres, o.latencyMs, o.histories, o.rates, o.concurrencies, o.pointSeconds,
                        o.maxCasesPerPoint, o.departmentConcurrency, o.baselineSeconds, false, o.out);
                case "--latency-ms" -> o = o.with(o.postgres, integer(args, ++i), o.histories, o.rates, o.concurrencies,
                        o.pointSeconds, o.maxCasesPerPoint, o.departmentConcurrency, o.baselineSeconds, o.jfr, o.out);
                case "--histories" -> o = o.with(o.postgres, o.latencyMs, integers(args, ++i), o.rates, o.concurrencies,
                        o.pointSeconds, o.maxCasesPerPoint, o.departmentConcurrency, o.baselineSeconds, o.jfr, o.out);
                case "--rates" -> o = o.with(o.postgres, o.latencyMs, o.histories, integers(args, ++i), o.concurrencies,
                        o.pointSeconds, o.maxCasesPerPoint, o.departmentConcurrency, o.baselineSeconds, o.jfr, o.out);
                case "--concurrency" -> o = o.with(o.postgres, o.latencyMs, o.histories, o.rates, integers(args, ++i),
                        o.pointSeconds, o.maxCasesPerPoint, o.departmentConcurrency, o.baselineSeconds, o.jfr, o.out);
                case "--seconds" -> o = o.with(o.postgres, o.latencyMs, o.histories, o.rates, o.concurrencies,
                        integer(args, ++i), o.maxCasesPerPoint, o.departmentConcurrency, o.baselineSeconds, o.jfr, o.out);
                case "--max-cases" -> o = o.with(o.postgres, o.latencyMs, o.histories, o.rates, o.concurrencies,
                        o.pointSeconds, integer(args, ++i), o.departmentConcurrency, o.baselineSeconds, o.jfr, o.out);
                case "--department-concurrency" -> o = o.with(o.postgres, o.latencyMs, o.histories, o.rates,
                        o.concurrencies, o.pointSeconds, o.maxCasesPerPoint, integer(args, ++i), o.baselineSeconds, o.jfr, o.out);
                case "--baseline-seconds" -> o = o.with(o.postgres, o.latencyMs, o.histories, o.rates, o.concurrencies,
                        o.pointSeconds, o.maxCasesPerPoint, o.departmentConcurrency, integer(args, ++i), o.jfr, o.out);
                case "--out" -> o = o.with(o.postgres, o.latencyMs, o.histories, o.rates, o.concurrencies, o.pointSeconds,
                        o.maxCasesPerPoint, o.departmentConcurrency, o.baselineSeconds, o.jfr, Path.of(value(args, ++i)));
                default -> throw new IllegalArgumentException("unknown option " + a + "\nusage: " + USAGE);
            }
        }
        if (o.histories.isEmpty() || !o.histories.equals(o.histories.stream().sorted().toList())) {
            throw new IllegalArgumentException("--histories must list at least one size, ascending: " + o.histories);
        }
        if (o.rates.isEmpty() && o.concurrencies.isEmpty()) {
            throw new IllegalArgumentException("give --rates or --concurrency, or both");
        }
        return o;
    }

    private BenchOptions with(boolean postgres, int latencyMs, List<Integer> histories, List<Integer> rates,
                              List<Integer> concurrencies, int pointSeconds, int maxCasesPerPoint,
                              int departmentConcurrency, int baselineSeconds, boolean jfr, Path out) {
        return new BenchOptions(postgres, latencyMs, histories, rates, concurrencies, pointSeconds, maxCasesPerPoint,
                departmentConcurrency, baselineSeconds, jfr, out, smoke);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value\nusage: " + USAGE);
        }
        return args[i];
    }

    private static int integer(String[] args, int i) {
        String v = value(args, i);
        try {
            int n = Integer.parseInt(v.replace("_", ""));
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(args[i - 1] + " needs a whole number, not " + v);
        }
    }

    private static List<Integer> integers(String[] args, int i) {
        String v = value(args, i);
        if (v.isBlank() || v.equals("none")) {
            return List.of();
        }
        return Arrays.stream(v.split(",")).map(s -> integer(new String[]{args[i - 1], s.trim()}, 1)).toList();
    }
}
