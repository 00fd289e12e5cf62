package org.onewindow.client.app;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How this workstation runs. With no back-end URI the client starts the sandbox back-end in-process on a
 * free loopback port and uses simulated devices: the embedded default of the demo.
 *
 * @param dataDir     where the evidence outbox, keys, logs and the embedded sandbox's data live
 * @param backendUri  the hall back-end, or null for the embedded sandbox
 * @param locale      zh_CN or en
 * @param hall        hall name shown in the title and written into evidence
 * @param window      counter window number
 * @param workstation workstation id (evidence chain, archive header)
 * @param demo        show the demo device bar and prefill the demo account
 */
public record ClientSettings(Path dataDir, URI backendUri, Locale locale, String hall, String window,
                             String workstation, boolean demo) {

    public static Path defaultDataDir() {
        String env = System.getenv("ONEWINDOW_HOME");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".onewindow");
    }

    public static ClientSettings embeddedDemo(Path dataDir, Locale locale) {
        return new ClientSettings(dataDir, null, locale, "济南市民中心", "W6", "WS-DEMO-W6", true);
    }

    public boolean embeddedBackend() {
        return backendUri == null;
    }
}
