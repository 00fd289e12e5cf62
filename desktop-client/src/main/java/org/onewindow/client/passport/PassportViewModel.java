package org.onewindow.client.passport;

import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.onewindow.client.app.I18n;
import org.onewindow.core.device.MrzAccessKey;
import org.onewindow.core.device.PassportData;
import org.onewindow.core.device.PassportException;
import org.onewindow.core.device.PassportReader;
import org.onewindow.core.privacy.Masking;

/**
 * Reading a passport chip at the counter: the clerk types (or a wedge MRZ reader types) the MRZ's second
 * line, the chip is read off the UI thread with BAC, and the data group 1 fields, the DG2 face and the passive
 * authentication outcome are shown. A good read is handed to {@code onRead} (the composition root archives
 * it). The document number is masked on screen like an ID number.
 */
public final class PassportViewModel {
    public enum State { IDLE, READING, READ, FAILED }

    private final PassportReader reader;
    private final Function<String, MrzAccessKey> mrzParser;
    private final Consumer<PassportData> onRead;
    private final Executor io;
    private final Executor ui;
    private final I18n i18n;

    private final StringProperty mrzLine = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<PassportData> data = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper number = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nationality = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper birth = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper expiry = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper authenticity = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<byte[]> face = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public PassportViewModel(PassportReader reader, Function<String, MrzAccessKey> mrzParser,
                             Consumer<PassportData> onRead, Executor io, Executor ui, I18n i18n) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.mrzParser = mrzParser;
        this.onRead = onRead;
        this.io = io;
        this.ui = ui;
        this.i18n = i18n;
        status.set(i18n.get("passport.prompt"));
    }

    /** Parses the MRZ line and reads the chip in the background. */
    public void read() {
        if (busy.get()) {
            return;
        }
        MrzAccessKey key;
        try {
            key = mrzParser.apply(mrzLine.get() == null ? "" : mrzLine.get().strip());
        } catch (IllegalArgumentException e) {
            state.set(State.FAILED);
            status.set(i18n.format("passport.badMrz", e.getMessage()));
            return;
        }
        clearFields();
        busy.set(true);
        state.set(State.READING);
        status.set(i18n.get("passport.reading"));
        io.execute(() -> {
            try {
                PassportData read = reader.read(key);
                ui.execute(() -> show(read));
            } catch (PassportException e) {
                ui.execute(() -> failed(i18n.get("passport.error." + e.reason().name()), e.getMessage()));
            } catch (RuntimeException e) {
                ui.execute(() -> failed(i18n.get("passport.error.READ_FAILED"), e.toString()));
            }
        });
    }

    private void show(PassportData read) {
        busy.set(false);
        data.set(read);
        name.set(read.fullName());
        number.set(Masking.idNumber(read.documentNumber()));
        nationality.set(read.nationality() + " · " + read.issuingState());
        birth.set(date(read.dateOfBirth()) + " · " + read.sex());
        expiry.set(date(read.dateOfExpiry()));
        PassportData.PassiveAuthentication pa = read.passiveAuthentication();
        authenticity.set(switch (pa.chain()) {
            case VERIFIED -> i18n.get("passport.pa.verified");
            case NOT_CHECKED -> i18n.get("passport.pa.noCsca");
            case FAILED -> i18n.get("passport.pa.chainFailed");
        });
        face.set("image/jpeg".equals(read.faceMimeType()) ? read.faceImage() : null);
        state.set(State.READ);
        status.set(i18n.get("passport.read"));
        onRead.accept(read);
    }

    private void failed(String text, String detail) {
        busy.set(false);
        state.set(State.FAILED);
        status.set(text);
        org.slf4j.LoggerFactory.getLogger(PassportViewModel.class).info("passport read failed: {}", detail);
    }

    /** Forgets everything read (the desk wipe, or closing the window). */
    public void clear() {
        mrzLine.set("");
        clearFields();
        state.set(State.IDLE);
        status.set(i18n.get("passport.prompt"));
    }

    private void clearFields() {
        data.set(null);
        name.set("");
        number.set("");
        nationality.set("");
        birth.set("");
        expiry.set("");
        authenticity.set("");
        face.set(null);
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    public StringProperty mrzLineProperty() { return mrzLine; }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<PassportData> dataProperty() { return data.getReadOnlyProperty(); }
    public ReadOnlyStringProperty nameProperty() { return name.getReadOnlyProperty(); }
    public ReadOnlyStringProperty numberProperty() { return number.getReadOnlyProperty(); }
    public ReadOnlyStringProperty nationalityProperty() { return nationality.getReadOnlyProperty(); }
    public ReadOnlyStringProperty birthProperty() { return birth.getReadOnlyProperty(); }
    public ReadOnlyStringProperty expiryProperty() { return expiry.getReadOnlyProperty(); }
    public ReadOnlyStringProperty authenticityProperty() { return authenticity.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<byte[]> faceProperty() { return face.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
}
