package org.onewindow.devices.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.onewindow.core.device.CodeScanner;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.ScanEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stream of scans from all scanners of a desk: each scanner feeds the shared hygiene stage, whose output
 * goes to every subscriber. A scanner that fails to start does not stop the others. Subscribers are called
 * on the scanner's thread and must not block (the UI hops to its own thread).
 */
public final class ScanHub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScanHub.class);

    private final List<CodeScanner> scanners = new ArrayList<>();
    private final List<Consumer<ScanEvent>> subscribers = new CopyOnWriteArrayList<>();
    private final ScanHygiene hygiene;

    /** @param hygieneFactory builds the hygiene stage around the hub's fan-out, e.g. {@code ScanHygiene::withDefaults} */
    public ScanHub(Function<Consumer<ScanEvent>, ScanHygiene> hygieneFactory) {
        this.hygiene = hygieneFactory.apply(this::fanOut);
    }

    public ScanHub add(CodeScanner scanner) {
        scanners.add(scanner);
        return this;
    }

    public void subscribe(Consumer<ScanEvent> subscriber) {
        subscribers.add(subscriber);
    }

    public void unsubscribe(Consumer<ScanEvent> subscriber) {
        subscribers.remove(subscriber);
    }

    public ScanHygiene hygiene() {
        return hygiene;
    }

    /** Starts every scanner; returns the ones that failed, by name, so the UI can say which is missing. */
    public Map<String, DeviceException> start() {
        Map<String, DeviceException> failures = new LinkedHashMap<>();
        for (CodeScanner scanner : scanners) {
            try {
                scanner.start(hygiene);
            } catch (DeviceException e) {
                LOG.warn("scanner {} did not start: {} ({})", scanner.name(), e.kind(), e.getMessage());
                failures.put(scanner.name(), e);
            }
        }
        return failures;
    }

    private void fanOut(ScanEvent event) {
        for (Consumer<ScanEvent> subscriber : subscribers) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                // one broken subscriber must not starve the others or kill the scanner thread
                LOG.error("scan subscriber failed on {}", event, e);
            }
        }
    }

    @Override
    public void close() {
        for (CodeScanner scanner : scanners) {
            try {
                scanner.close();
            } catch (RuntimeException e) {
                LOG.warn("closing scanner {} failed", scanner.name(), e);
            }
        }
    }
}
