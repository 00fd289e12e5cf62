package org.onewindow.client.citizen;

import java.util.Locale;

/**
 * Whether the citizen-facing display opens. {@code AUTO}: full screen on a second monitor, none with one
 * screen (it would cover the clerk's workspace; the rating is then taken in a dialog). {@code WINDOW}: a
 * window beside the clerk's even on one screen (the embedded demo, training rooms). {@code OFF}: never.
 */
public enum CitizenDisplayMode {
    AUTO, WINDOW, OFF;

    /** System property that overrides the provisioning file (auto, window or off; "true" means window). */
    public static final String PROPERTY = "onewindow.citizenDisplay";

    /** The property's value if set, else the provisioning file's, else AUTO. */
    public static CitizenDisplayMode resolve(String property, CitizenDisplayMode configured) {
        if (property != null && !property.isBlank()) {
            String p = property.strip().toUpperCase(Locale.ROOT);
            if (p.equals("TRUE")) {
                return WINDOW;
            }
            try {
                return valueOf(p);
            } catch (IllegalArgumentException e) {
                // an unknown value falls through to the configured mode
            }
        }
        return configured == null ? AUTO : configured;
    }

    /** Whether the display opens when {@code screens} monitors are attached. */
    public boolean opens(int screens) {
        return switch (this) {
            case AUTO -> screens > 1;
            case WINDOW -> true;
            case OFF -> false;
        };
    }
}
