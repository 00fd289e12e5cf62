package org.onewindow.client.face;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The face check's strings (bundle org.onewindow.client.face.face, zh_CN and en); a missing key shows as the key. */
public final class FaceTexts {
    private final ResourceBundle bundle;
    private final Locale locale;

    public FaceTexts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("org.onewindow.client.face.face", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    public String format(String key, Object... args) {
        return String.format(locale, get(key), args);
    }
}
