package org.onewindow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** CPU time read from outside: of processes and of the whole machine (/proc), and of the simulators' threads here. */
final class CpuClocks {

    /** USER_HZ of /proc/&lt;pid&gt;/stat and /proc/stat on Linux. */
    private static final double TICKS_PER_SECOND = 100;

    private CpuClocks() {
    }

    /** User + system CPU seconds of one process so far; 0 when it ended. */
    static double process(long pid) {
        long[] ticks = ticks(pid);
        return (ticks[0] + ticks[1]) / TICKS_PER_SECOND;
    }

    /**
     * CPU seconds of a process and every process below it: its own and its live descendants' user + system time, plus
     * the time of the children it has reaped (cutime + cstime), so that a PostgreSQL backend that ends between two
     * readings still counts (its time moves from the backend to the postmaster's reaped children).
     */
    static double tree(ProcessHandle root) {
        long[] own = ticks(root.pid());
        long total = own[0] + own[1] + own[2] + own[3];
        for (ProcessHandle child : root.descendants().toList()) {
            long[] t = ticks(child.pid());
            total += t[0] + t[1];
        }
        return total / TICKS_PER_SECOND;
    }

    /** {utime, stime, cutime, cstime} of a process, in ticks; zeros when it ended. */
    private static long[] ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command name: fields 14-17 of proc(5) (utime, stime, cutime, cstime) are indexes 11-14 here
            return new long[]{Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
                    Long.parseLong(fields[14])};
        } catch (IOException | RuntimeException ended) {
            return new long[4];
        }
    }

    /**
     * CPU seconds the whole machine has been busy so far, every core together (the first line of /proc/stat: all but
     * idle and iowait): whatever else runs on the machine included, so that a report can say what its own processes
     * left to others.
     */
    static double machineBusy() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            // cpu user nice system idle iowait irq softirq steal (guest time is inside user already)
            for (int i = 1; i <= 8 && i < fields.length; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU so far of each department simulator thread in this JVM (Jetty's "qtp…" and WireMock's "pool-…"), by thread id. */
    static Map<Long, Long> simulatorNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> byThread = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("qtp") || info.getThreadName().startsWith("pool-"))) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    byThread.put(info.getThreadId(), cpu);
                }
            }
        }
        return byThread;
    }

    /**
     * The simulator threads' CPU since {@code before}, thread by thread: Jetty ends idle threads of its pool, and a sum
     * over the threads alive at each end came out negative (-8.9 ms per case, 2026-12-06). A thread that ended in
     * between is missed, so this is a lower bound.
     */
    static long simulatorNanosSince(Map<Long, Long> before) {
        long total = 0;
        for (Map.Entry<Long, Long> now : simulatorNanos().entrySet()) {
            total += Math.max(0, now.getValue() - before.getOrDefault(now.getKey(), 0L));
        }
        return total;
    }
}
