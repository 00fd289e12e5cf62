package org.onewindow.client.verify;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.onewindow.core.privacy.Masking;
import org.onewindow.core.verify.Verdict;
import org.onewindow.core.verify.VerificationResult;

/**
 * What the result card shows for one {@link VerificationResult}: verdict and its colour, the reason in
 * words, issuer, validity, the claims (masked until the clerk reveals them) and how it was verified.
 * Plain properties, no controls: testable without a screen. Call {@link #show} on the FX thread.
 */
public final class VerificationCardViewModel {
    public static final String BUNDLE = "org.onewindow.client.verify.VerificationCard";
    /** Claims shown in the header lines, not in the list. */
    private static final Set<String> HEADER_CLAIMS = Set.of("issuer", "validFrom", "validUntil", "photo");
    private static final Set<String> PERSONAL = Set.of("holderName", "holderId", "given_name", "family_name", "name",
            "dateOfBirth", "address", "certificateId");

    /** A labelled line of the card. */
    public record Line(String label, String value) {
    }

    private final ResourceBundle bundle;
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper styleClass = new ReadOnlyStringWrapper("verdict-none");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reasonText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper formatText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper issuer = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper validity = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper howVerified = new ReadOnlyStringWrapper("");
    private final ObservableList<Line> claims = FXCollections.observableArrayList();
    private final ObservableList<Line> checks = FXCollections.observableArrayList();
    private final BooleanProperty revealed = new SimpleBooleanProperty(false);
    private VerificationResult current;

    public VerificationCardViewModel(Locale locale) {
        // no fallback to the JVM's default locale: on a Chinese workstation an English card must stay English
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        revealed.addListener((obs, was, now) -> fillClaims());
    }

    public void show(VerificationResult result) {
        current = result;
        verdict.set(result.verdict());
        styleClass.set(switch (result.verdict()) {
            case VALID -> "verdict-valid";
            case INVALID -> "verdict-invalid";
            case UNVERIFIABLE -> "verdict-unverifiable";
        });
        headline.set(text("verdict." + result.verdict().name(), result.verdict().name()));
        reasonText.set(result.reason() == null ? "" : text(result.reason().messageKey(), result.reason().name()));
        formatText.set(text("format." + result.format(), result.format()));
        issuer.set(stringClaim(result.claims(), "issuer"));
        String from = stringClaim(result.claims(), "validFrom");
        String until = stringClaim(result.claims(), "validUntil");
        validity.set(from.isEmpty() && until.isEmpty() ? "" : MessageFormat.format(text("label.validity.range", "{0} - {1}"),
                from, until));
        String hours = result.trustDataAge() == null ? "?" : String.valueOf(result.trustDataAge().toHours());
        howVerified.set(MessageFormat.format(text("mode." + result.mode().name(), result.mode().name()), hours));
        List<Line> checkLines = new ArrayList<>();
        result.checks().forEach((name, passed) -> checkLines.add(new Line(text("check." + name, name),
                text(passed ? "check.passed" : "check.failed", String.valueOf(passed)))));
        checks.setAll(checkLines);
        revealed.set(false);
        fillClaims();
    }

    /** Wipes the card at the end of a service (no citizen data left on screen). */
    public void clear() {
        current = null;
        verdict.set(null);
        styleClass.set("verdict-none");
        headline.set("");
        reasonText.set("");
        formatText.set("");
        issuer.set("");
        validity.set("");
        howVerified.set("");
        claims.clear();
        checks.clear();
        revealed.set(false);
    }

    private void fillClaims() {
        if (current == null) {
            return;
        }
        List<Line> lines = new ArrayList<>();
        for (Map.Entry<String, Object> e : current.claims().entrySet()) {
            if (HEADER_CLAIMS.contains(e.getKey()) || e.getValue() instanceof byte[]) {
                continue;
            }
            String value = String.valueOf(e.getValue());
            if (!revealed.get() && PERSONAL.contains(e.getKey())) {
                value = e.getKey().equals("holderId") || e.getKey().equals("certificateId") ? Masking.idNumber(value)
                        : Masking.name(value);
            }
            lines.add(new Line(text("claim." + e.getKey(), e.getKey()), value));
        }
        claims.setAll(lines);
    }

    private static String stringClaim(Map<String, Object> claims, String key) {
        Object v = claims.get(key);
        return v == null ? "" : String.valueOf(v);
    }

    String text(String key, String fallback) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    public ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty styleClassProperty() {
        return styleClass.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reasonTextProperty() {
        return reasonText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formatTextProperty() {
        return formatText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty issuerProperty() {
        return issuer.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty validityProperty() {
        return validity.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty howVerifiedProperty() {
        return howVerified.getReadOnlyProperty();
    }

    public ObservableList<Line> claims() {
        return FXCollections.unmodifiableObservableList(claims);
    }

    public ObservableList<Line> checks() {
        return FXCollections.unmodifiableObservableList(checks);
    }

    /** The clerk's "show personal data" toggle; reset to false by every {@link #show}. */
    public BooleanProperty revealedProperty() {
        return revealed;
    }

    public String label(String key) {
        return text(key, key);
    }
}
