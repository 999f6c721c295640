package org.onewindow.bench;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a load point cost: CPU of the hub and of this JVM, the hub's heap (sampled every second), its
 * resident set and the messages through its broker, read before and after the point.
 */
final class ResourceSampler implements AutoCloseable {

    record Usage(double hubCpuSeconds, double benchCpuSeconds, double hubHeapMaxMiB, double hubRssMiB, double messages) {
    }

    private final HubUnderTest hub;
    private final double hubCpuBefore;
    private final double benchCpuBefore;
    private final double messagesBefore;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile double heapMax;
    private final Thread sampler;

    ResourceSampler(HubUnderTest hub) {
        this.hub = hub;
        this.hubCpuBefore = hub.cpuSeconds();
        this.benchCpuBefore = benchCpuSeconds();
        this.messagesBefore = hub.messagesAdded();
        this.sampler = new Thread(() -> {
            while (running.get()) {
                try {
                    heapMax = Math.max(heapMax, hub.heapUsedMiB());
                } catch (RuntimeException busy) {
                    // a sample lost under load is not worth failing the point for
                }
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    Usage usage() {
        running.set(false);
        sampler.interrupt();
        return new Usage(hub.cpuSeconds() - hubCpuBefore, benchCpuSeconds() - benchCpuBefore,
                Math.max(heapMax, hub.heapUsedMiB()), hub.rssMiB()[0], hub.messagesAdded() - messagesBefore);
    }

    /** The machine's load average over the last minute, as a report states it before a run ("unknown" off Linux). */
    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    static double benchCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    @Override
    public void close() {
        running.set(false);
        sampler.interrupt();
    }
}
