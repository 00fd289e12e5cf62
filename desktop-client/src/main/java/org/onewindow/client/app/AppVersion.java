package org.onewindow.client.app;

/** The running client's version, from the jar manifest (what the installer packaged). */
public final class AppVersion {
    /** Used when running from classes (an IDE or a test): older than any release, so updates are offered. */
    public static final String DEVELOPMENT = "0.0.0-dev";

    private AppVersion() {
    }

    public static String current() {
        String v = AppVersion.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? DEVELOPMENT : v;
    }
}
