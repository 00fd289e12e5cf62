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
            ProvisioningSchema.SCANNER, ProvisioningSchema.CAMERA, ProvisioningSchema.DATA_DIR, ProvisioningSchema.LOCALE);

    private final Path target;
    private final Executor io;
    private final Executor ui;
    private final Map<String, StringProperty> fields = new LinkedHashMap<>();
    private final ObservableList<ProvisioningProblem> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saved = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty locked = new SimpleBooleanProperty();

    public ProvisioningWizardViewModel(Path target, boolean locked, Executor io, Executor ui) {
        this.target = target;
        this.io = io;
        this.ui = ui;
        this.locked.set(locked);
        for (String k : WIZARD_KEYS) {
            ProvisioningKey key = ProvisioningSchema.key(k).orElseThrow();
            fields.put(k, new SimpleStringProperty(key.defaultValue() == null ? "" : key.defaultValue()));
        }
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
