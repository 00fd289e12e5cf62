package org.onewindow.devices.diag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a set of probes in parallel, each with a time limit (a hung driver must not hang diagnostics), and
 * collects their reports with the versions that matter for a support call. Blocking: call it off the UI
 * thread.
 */
public final class DeviceDiagnostics {
    private final List<DeviceProbe> probes;
    private final Duration timeLimit;
    private final Map<String, String> extraVersions;

    public DeviceDiagnostics(List<DeviceProbe> probes, Duration timeLimit) {
        this(probes, timeLimit, Map.of());
    }

    /** @param extraVersions versions the caller knows (the application's own), reported first */
    public DeviceDiagnostics(List<DeviceProbe> probes, Duration timeLimit, Map<String, String> extraVersions) {
        this.probes = List.copyOf(probes);
        this.timeLimit = timeLimit;
        this.extraVersions = new LinkedHashMap<>(extraVersions);
    }

    public List<DeviceProbe> probes() {
        return probes;
    }

    /** A new diagnostics with one more probe, e.g. the ID-card driver's own. */
    public DeviceDiagnostics with(DeviceProbe probe) {
        List<DeviceProbe> all = new ArrayList<>(probes);
        all.add(probe);
        return new DeviceDiagnostics(all, timeLimit, extraVersions);
    }

    public Result run() {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, probes.size()), r -> {
            Thread t = new Thread(r, "device-probe");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<DeviceReport>>> futures = new ArrayList<>();
            for (DeviceProbe p : probes) {
                futures.add(pool.submit(p::probe));
            }
            long deadline = System.nanoTime() + timeLimit.toNanos();
            List<DeviceReport> reports = new ArrayList<>();
            for (int i = 0; i < probes.size(); i++) {
                DeviceProbe p = probes.get(i);
                try {
                    long left = Math.max(0, deadline - System.nanoTime());
                    reports.addAll(futures.get(i).get(left, TimeUnit.NANOSECONDS));
                } catch (TimeoutException e) {
                    futures.get(i).cancel(true);
                    reports.add(DeviceReport.fault(p.kind(), "(probe)",
                            "no answer within " + timeLimit.toSeconds() + " s (driver hung?)"));
                } catch (ExecutionException e) {
                    reports.add(DeviceReport.fault(p.kind(), "(probe)", "probe failed: " + e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    reports.add(DeviceReport.fault(p.kind(), "(probe)", "interrupted"));
                    break;
                }
            }
            Map<String, String> v = new LinkedHashMap<>(extraVersions);
            v.putAll(versions());
            return new Result(reports, v);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Java, OS and device-library versions. */
    public static Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("java", System.getProperty("java.runtime.version", System.getProperty("java.version")));
        v.put("javaVendor", System.getProperty("java.vendor"));
        v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        try {
            v.put("jSerialComm", SerialPortProbe.libraryVersion());
        } catch (RuntimeException | LinkageError e) {
            v.put("jSerialComm", "unavailable: " + e.getMessage());
        }
        return v;
    }

    /** The reports in probe order and the versions. */
    public record Result(List<DeviceReport> reports, Map<String, String> versions) {
        public Result {
            reports = List.copyOf(reports);
            versions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(versions));
        }

        public boolean anyFault() {
            return reports.stream().anyMatch(r -> r.status() == DeviceReport.Status.FAULT);
        }
    }
}
