package org.onewindow.client.app;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The client's strings in the chosen locale (zh_CN or en); a missing key shows as the key, never a crash. */
public final class I18n {
    private final ResourceBundle bundle;
    private final Locale locale;

    public I18n(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("org.onewindow.client.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Chinese unless the locale asks for English. */
    public static Locale resolve(String tag) {
        if (tag == null || tag.isBlank()) {
            return Locale.getDefault().getLanguage().equals("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        }
        return tag.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
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

    public ResourceBundle bundle() {
        return bundle;
    }
}
