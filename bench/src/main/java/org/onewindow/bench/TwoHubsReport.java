package org.onewindow.bench;

import java.util.List;
import java.util.Locale;

/** The Markdown report of {@code bench/run --two-hubs}: the comparison first, then every point, then how it is measured. */
final class TwoHubsReport {

    /** The processes of the CPU table, in its order. */
    private static final List<String> PROCESSES = List.of("hub-1", "hub-2", "broker (Artemis)", "PostgreSQL", "load generator",
            "department simulators", TwoHubs.ALL, TwoHubs.MACHINE, TwoHubs.OTHERS);

    private TwoHubsReport() {
    }

    static String markdown(TwoHubs.Result r) {
        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder md = new StringBuilder();
        md.append("# Two hubs against one, on one machine — ").append(r.date()).append("\n\n");
        md.append("Command: `").append(r.command()).append("` (").append(f("%.0f", r.wallSeconds())).append(" s wall time)\n\n");
        md.append("| setup | |\n|---|---|\n");
        r.setup().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));

        md.append("\n## One hub against two (medians over the rounds)\n\n");
        md.append("| load | hubs | completed cases/s | p50 ms | p99 ms | hubs' CPU ms/case | CPU ms/case, all processes | machine busy, cores of ")
                .append(cores).append(" |\n|---|---|---|---|---|---|---|---|\n");
        for (TwoHubs.Comparison c : r.comparisons()) {
            for (int i = 0; i < 2; i++) {
                md.append(f("| %s | %s | %.1f | %.0f | %.0f | %.1f | %.1f | %.2f |%n", i == 0 ? c.load() : "", i == 0 ? "one" : "two",
                        c.casesPerSecond()[i], c.p50()[i], c.p99()[i], c.hubsMsPerCase()[i], c.allMsPerCase()[i], c.machineCores()[i]));
            }
            md.append(f("| | two ÷ one | **%.2f×** | %.2f× | %.2f× | %.2f× | %.2f× | |%n", c.throughputRatio(),
                    ratio(c.p50()), ratio(c.p99()), ratio(c.hubsMsPerCase()), ratio(c.allMsPerCase())));
        }
        md.append('\n');
        for (TwoHubs.Comparison c : r.comparisons()) {
            md.append(f("- %s: two hubs completed %.2f× the cases/s of one (%.1f against %.1f), median latency %.0f against %.0f ms; "
                            + "every process together used %.1f ms of CPU per case with two hubs against %.1f with one, and the "
                            + "machine was busy %.2f and %.2f of its %d cores.%n", c.load(), c.throughputRatio(), c.casesPerSecond()[1],
                    c.casesPerSecond()[0], c.p50()[1], c.p50()[0], c.allMsPerCase()[1], c.allMsPerCase()[0], c.machineCores()[1],
                    c.machineCores()[0], cores));
        }

        md.append("\n## Every point: throughput and latency\n\n");
        md.append("| round | hubs | load | submitted | completed | not completed | measured s | cases/s | p50 ms | p95 ms | p99 ms | max ms |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (TwoHubs.Point p : r.points()) {
            md.append(f("| %d | %d | %s | %d | %d | %d | %.1f | %.1f | %.0f | %.0f | %.0f | %.0f |%n", p.round(), p.hubs(), p.load(),
                    p.submitted(), p.completed(), p.notCompleted(), p.windowSeconds(), p.casesPerSecond(), p.latency().p50(),
                    p.latency().p95(), p.latency().p99(), p.latency().max()));
        }

        md.append("\n## Every point: CPU by process (cores over the measured window · ms per completed case)\n\n");
        md.append("| round | hubs | load | ").append(String.join(" | ", PROCESSES)).append(" | hubs' JIT compiler threads ms/case |\n|");
        md.append("---|".repeat(PROCESSES.size() + 4)).append('\n');
        for (TwoHubs.Point p : r.points()) {
            md.append(f("| %d | %d | %s |", p.round(), p.hubs(), p.load()));
            for (String process : PROCESSES) {
                TwoHubs.Cpu cpu = p.cpu().get(process);
                md.append(cpu == null ? " – |" : f(" %.2f · %.1f |", cpu.cores(), cpu.msPerCase()));
            }
            md.append(f(" %.1f |%n", p.hubCompilerMsPerCase()));
        }
        md.append("\n## What the hubs logged at WARN and ERROR while they served (start and shutdown left out)\n\n");
        if (r.logged().isEmpty()) {
            md.append("Nothing.\n");
        } else {
            md.append("The most frequent kinds per hub, ids and numbers as #; a figure measured on a hub that kept failing at "
                    + "something holds that failure.\n\n| hub | lines | level | logger | message |\n|---|---|---|---|---|\n");
            for (HubLogSummary.Logged l : r.logged()) {
                md.append(f("| %s | %d | %s | `%s` | %s |%n", l.hub(), l.count(), l.level(), l.logger(),
                        l.message().replace("|", "\\|").replace("`", "'")));
            }
        }
        md.append("""

                How it is measured (docs/benchmark.md, "Two hubs against one"): the CPU of a process is its user + system time
                from /proc over the measured window (from just before the first submission until the last case ended and every
                hub had made fewer than 5 commits a second twice in a row, so the cases' data shares are in it), ÷ the
                window (cores) and ÷ the completed cases (ms per case). PostgreSQL is the postmaster and its backends (with the
                time of the backends that ended); the broker is its JVM; the load generator is the benchmark's JVM less the
                simulators' Jetty and WireMock threads (their thread CPU clocks; a thread that ended in the window is missed,
                so the simulators' figure is a lower bound and the load generator's an upper bound). "whole machine" is the
                busy time of every core (/proc/stat), whatever ran; "others on the machine" is what it holds beyond the
                processes above. cases/s is completed cases ÷ (last CASE_COMPLETED − first submission); latency runs from
                when the schedule wanted a case sent to the hub's CASE_COMPLETED. The hubs' JIT compiler threads are part of
                the hubs' CPU: what the warm-up left to compile.
                """);
        return md.toString();
    }

    private static double ratio(double[] oneTwo) {
        return oneTwo[0] == 0 ? 0 : oneTwo[1] / oneTwo[0];
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
