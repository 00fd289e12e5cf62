package org.onewindow.client.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvisioningWizardViewModelTest {
    @TempDir
    Path dir;

    @Test
    void savesAValidFileThatTheClientThenLoads() throws Exception {
        Path target = dir.resolve("etc/workstation.properties");
        ProvisioningWizardViewModel vm = new ProvisioningWizardViewModel(target, false, Runnable::run, Runnable::run);
        vm.field(ProvisioningSchema.HALL).set("济南市民中心");
        vm.field(ProvisioningSchema.WINDOW).set("12");
        vm.field(ProvisioningSchema.WORKSTATION).set("WS-JN-12");
        vm.field(ProvisioningSchema.BACKEND_URL).set("embedded");

        vm.validateAndSave();

        assertThat(vm.problems()).isEmpty();
        assertThat(vm.savedProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).startsWith("Saved");
        assertThat(ProvisioningLoader.load(target).window()).isEqualTo("12");
    }

    @Test
    void listsTheMistakesAndWritesNothing() {
        Path target = dir.resolve("workstation.properties");
        ProvisioningWizardViewModel vm = new ProvisioningWizardViewModel(target, false, Runnable::run, Runnable::run);
        vm.field(ProvisioningSchema.HALL).set("济南市民中心");
        vm.field(ProvisioningSchema.BACKEND_URL).set("ftp://x");

        vm.validateAndSave();

        assertThat(vm.problems()).extracting(ProvisioningProblem::key)
                .contains(ProvisioningSchema.WINDOW, ProvisioningSchema.WORKSTATION, ProvisioningSchema.BACKEND_URL);
        assertThat(vm.savedProperty().get()).isFalse();
        assertThat(Files.exists(target)).isFalse();
    }

    @Test
    void aLockedFileIsNeverWrittenFromAClerkAccount() {
        Path target = dir.resolve("workstation.properties");
        ProvisioningWizardViewModel vm = new ProvisioningWizardViewModel(target, true, Runnable::run, Runnable::run);
        vm.field(ProvisioningSchema.HALL).set("济南市民中心");
        vm.field(ProvisioningSchema.WINDOW).set("12");
        vm.field(ProvisioningSchema.WORKSTATION).set("WS-JN-12");
        vm.field(ProvisioningSchema.BACKEND_URL).set("embedded");

        vm.validateAndSave();

        assertThat(vm.statusProperty().get()).contains("locked");
        assertThat(Files.exists(target)).isFalse();
    }
}
