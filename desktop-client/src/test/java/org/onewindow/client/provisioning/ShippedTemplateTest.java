package org.onewindow.client.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The template IT copies from the installer folder is the one the client would write today. */
class ShippedTemplateTest {
    static final Path SHIPPED = Path.of("../installer/src/provisioning/workstation.properties.example");

    @Test
    void theInstallersTemplateMatchesTheSchema() throws Exception {
        assertThat(SHIPPED).as("regenerate with: ./onewindow provision template > " + SHIPPED).exists();
        assertThat(Files.readString(SHIPPED, StandardCharsets.UTF_8))
                .as("regenerate with: ./onewindow provision template > installer/src/provisioning/workstation.properties.example")
                .isEqualTo(ProvisioningWriter.template());
    }
}
