package org.onewindow.client.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.onewindow.client.app.ClientSettings;
import org.onewindow.client.provisioning.Provisioning;
import org.onewindow.client.provisioning.ProvisioningException;
import org.onewindow.client.provisioning.ProvisioningLoader;
import org.onewindow.client.provisioning.ProvisioningLocation;

/**
 * How the command-line tools find this workstation's settings: the provisioning file when there is one
 * (validated: a broken file stops the tool with its list of mistakes), else the embedded demo.
 *
 * @param provisioning empty when the client runs its embedded demo
 */
record ClientConfiguration(Optional<Provisioning> provisioning, ClientSettings settings) {

    static ClientConfiguration resolve(Path explicitFile, Path dataOverride, Locale locale) throws ProvisioningException {
        Optional<Path> file = ProvisioningLocation.resolve(explicitFile);
        if (file.isPresent()) {
            Provisioning p = ProvisioningLoader.load(file.get());
            ClientSettings s = p.clientSettings();
            if (dataOverride != null) {
                s = new ClientSettings(dataOverride, s.backendUri(), s.locale(), s.hall(), s.window(), s.workstation(),
                        s.demo());
            }
            return new ClientConfiguration(Optional.of(p), s);
        }
        return embedded(dataOverride, locale);
    }

    /** The embedded demo, whatever provisioning file exists (for tools that must work when it is broken). */
    static ClientConfiguration embedded(Path dataOverride, Locale locale) {
        Path dir = dataOverride != null ? dataOverride : ClientSettings.defaultDataDir();
        return new ClientConfiguration(Optional.empty(), ClientSettings.embeddedDemo(dir, locale));
    }

    String describe() {
        return provisioning.map(p -> "provisioning file " + p.source()).orElse("embedded demo (no provisioning file)");
    }
}
