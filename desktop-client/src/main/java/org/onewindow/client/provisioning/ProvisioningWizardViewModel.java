package org.onewindow.client.provisioning;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The first-run wizard's state: one text property per key IT fills in at a counter PC, validation with the
 * same rules as the client's start-up, and saving off the UI thread. Refuses to save when the file is
 * locked for the current user (a clerk's account).
 */
public final class ProvisioningWizardViewModel {
    /** The keys the wizard asks for, in its order; the rest keep their defaults (editable in the file). */
    public static final List<String> WIZARD_KEYS = List.of(ProvisioningSchema.HALL, ProvisioningSchema.WINDOW,
            ProvisioningSchema.WORKSTATION, ProvisioningSchema.BACKEND_URL, ProvisioningSchema.TRUST_ANCHORS,
            ProvisioningSchema.CLIENT_CERT, ProvisioningSchema.CLIENT_CERT_PASSWORD, ProvisioningSchema.ID_READER,
            ProvisioningSchema.SCANNER, ProvisioningSchema.PASSPORT_READER, ProvisioningSchema.FACE_CAMERA, ProvisioningSchema.FACE_CAMERA_RESOLUTION,
            ProvisioningSchema.DOCUMENT_CAMERA, ProvisioningSchema.DOCUMENT_CAMERA_RESOLUTION, ProvisioningSchema.DATA_DIR,
            ProvisioningSchema.LOCALE);

    /** Capture sizes offered for the cameras (any other WIDTHxHEIGHT may be typed). */
    public static final List<String> FACE_RESOLUTIONS = List.of("640x480", "800x600", "1280x720");
    public static final List<String> DOCUMENT_RESOLUTIONS = List.of("1280x960", "1600x1200", "1920x1080", "2048x1536",
            "2592x1944");

    private final Path target;
    private final Executor io;
    private final Executor ui;
    private final Map<String, StringProperty> fields = new LinkedHashMap<>();
    private final ObservableList<ProvisioningProblem> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saved = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty locked = new SimpleBooleanProperty();
    private final Map<String, ObservableList<String>> choices = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper devicesStatus = new ReadOnlyStringWrapper("");
    private final AttachedDevices attached;

    public ProvisioningWizardViewModel(Path target, boolean locked, Executor io, Executor ui) {
        this(target, locked, io, ui, AttachedDevices.ofThisPc("ffmpeg"));
    }

    /** @param attached lists the cameras and serial ports plugged in, for the device choices ({@link #findDevices}) */
    public ProvisioningWizardViewModel(Path target, boolean locked, Executor io, Executor ui, AttachedDevices attached) {
        this.target = target;
        this.attached = attached;
        this.io = io;
        this.ui = ui;
        this.locked.set(locked);
        for (String k : WIZARD_KEYS) {
            ProvisioningKey key = ProvisioningSchema.key(k).orElseThrow();
            fields.put(k, new SimpleStringProperty(key.defaultValue() == null ? "" : key.defaultValue()));
        }
        choices.put(ProvisioningSchema.ID_READER, FXCollections.observableArrayList("simulated", "none"));
        choices.put(ProvisioningSchema.SCANNER, FXCollections.observableArrayList("keyboard", "none", "simulated"));
        choices.put(ProvisioningSchema.PASSPORT_READER, FXCollections.observableArrayList("none", "pcsc", "simulated"));
        choices.put(ProvisioningSchema.FACE_CAMERA, FXCollections.observableArrayList("none", "simulated"));
        choices.put(ProvisioningSchema.DOCUMENT_CAMERA, FXCollections.observableArrayList("none", "simulated"));
        choices.put(ProvisioningSchema.FACE_CAMERA_RESOLUTION, FXCollections.observableArrayList(FACE_RESOLUTIONS));
        choices.put(ProvisioningSchema.DOCUMENT_CAMERA_RESOLUTION, FXCollections.observableArrayList(DOCUMENT_RESOLUTIONS));
        choices.put(ProvisioningSchema.LOCALE, FXCollections.observableArrayList("zh_CN", "en"));
        if (locked) {
            status.set("Settings are locked: only IT (administrator) can write " + target);
        }
    }

    /** Starts from an existing file's values (secrets included: IT is editing its own file). */
    public void prefill(Map<String, String> values) {
        values.forEach((k, v) -> {
            if (fields.containsKey(k)) {
                fields.get(k).set(v);
            }
        });
    }

    public StringProperty field(String key) {
        StringProperty p = fields.get(key);
        if (p == null) {
            throw new IllegalArgumentException("the wizard does not ask for " + key);
        }
        return p;
    }

    /** The values offered for a key (the view shows a drop-down, still editable); empty for free text. */
    public ObservableList<String> choices(String key) {
        return choices.getOrDefault(key, FXCollections.emptyObservableList());
    }

    /** What the last device search found, e.g. "2 cameras, 1 serial port". */
    public ReadOnlyStringProperty devicesStatusProperty() {
        return devicesStatus.getReadOnlyProperty();
    }

    /**
     * Lists the cameras and serial ports plugged in now (off the UI thread) and offers them as choices:
     * {@code system:<camera>} for both cameras, {@code serial:<port>} for the ID reader and the scanner.
     */
    public void findDevices() {
        devicesStatus.set("Looking for cameras and serial ports...");
        io.execute(() -> {
            List<String> cameras;
            String cameraError = null;
            try {
                cameras = attached.cameras();
            } catch (org.onewindow.core.device.DeviceException | RuntimeException e) {
                cameras = List.of();
                cameraError = e.getMessage();
            }
            List<String> ports = attached.serialPorts();
            List<String> foundCameras = cameras;
            String text = foundCameras.size() + (foundCameras.size() == 1 ? " camera, " : " cameras, ") + ports.size()
                    + (ports.size() == 1 ? " serial port" : " serial ports")
                    + (cameraError == null ? "" : " (cameras not listed: " + cameraError + ")");
            ui.execute(() -> {
                offer(ProvisioningSchema.FACE_CAMERA, List.of("none", "simulated"), "system:", foundCameras);
                offer(ProvisioningSchema.DOCUMENT_CAMERA, List.of("none", "simulated"), "system:", foundCameras);
                offer(ProvisioningSchema.ID_READER, List.of("simulated", "none"), "serial:", ports);
                offer(ProvisioningSchema.SCANNER, List.of("keyboard", "none", "simulated"), "serial:", ports);
                devicesStatus.set(text);
            });
        });
    }

    /**
     * Follows cameras plugged in or out while the wizard is open (hot-plug): each change lists the devices
     * again. Close the result when the wizard closes. Starting the watch is I/O: it runs on the I/O executor.
     */
    public AutoCloseable watchCameras() {
        java.util.concurrent.atomic.AtomicReference<AutoCloseable> watch = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        io.execute(() -> {
            try {
                AutoCloseable w = attached.watchCameras(() -> ui.execute(this::findDevices));
                watch.set(w);
                if (closed.get()) {
                    w.close();
                }
            } catch (Exception e) {
                ui.execute(() -> devicesStatus.set("Cameras are not watched for plugging in: " + e.getMessage()));
            }
        });
        return () -> {
            closed.set(true);
            AutoCloseable w = watch.getAndSet(null);
            if (w != null) {
                w.close();
            }
        };
    }

    private void offer(String key, List<String> fixed, String prefix, List<String> found) {
        List<String> all = new java.util.ArrayList<>(found.stream().map(n -> prefix + n).toList());
        all.addAll(fixed);
        choices.get(key).setAll(all);
    }

    public String description(String key) {
        return ProvisioningSchema.key(key).map(ProvisioningKey::description).orElse(key);
    }

    public boolean isSecret(String key) {
        return ProvisioningSchema.isSecret(key);
    }

    public ObservableList<ProvisioningProblem> problems() {
        return problems;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty lockedProperty() {
        return locked;
    }

    public Path target() {
        return target;
    }

    Map<String, String> values() {
        Map<String, String> v = new LinkedHashMap<>();
        fields.forEach((k, p) -> {
            String text = p.get() == null ? "" : p.get().strip();
            if (!text.isEmpty()) {
                v.put(k, text);
            }
        });
        return v;
    }

    /** Checks the answers with the start-up rules (file checks included: that is disk I/O, so off the UI thread). */
    public void validateAndSave() {
        if (locked.get()) {
            status.set("Settings are locked: only IT (administrator) can write " + target);
            return;
        }
        Map<String, String> values = values();
        busy.set(true);
        status.set("Checking...");
        io.execute(() -> {
            List<ProvisioningProblem> found;
            String message;
            try {
                ProvisioningLoader.validate(target, values);
                ProvisioningWriter.write(target, values);
                found = List.of();
                message = "Saved " + target + ". Start OneWindow to use it.";
            } catch (ProvisioningException e) {
                found = e.problems();
                message = found.size() + (found.size() == 1 ? " mistake" : " mistakes") + " to fix before saving";
            } catch (java.io.IOException | RuntimeException e) {
                found = List.of();
                message = "Cannot write " + target + ": " + e.getMessage();
            }
            List<ProvisioningProblem> result = found;
            String text = message;
            ui.execute(() -> {
                problems.setAll(result);
                status.set(text);
                saved.set(result.isEmpty() && text.startsWith("Saved"));
                busy.set(false);
            });
        });
    }
}
