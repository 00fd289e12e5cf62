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
    void offersTheCamerasAndSerialPortsPluggedIn() throws Exception {
        // the real capture driver over a sysfs tree like the kernel's: one UVC camera (capture + metadata node)
        Path sys = Files.createDirectories(dir.resolve("sys"));
        for (String[] node : new String[][] {{"video0", "0"}, {"video1", "1"}}) {
            Path n = Files.createDirectories(sys.resolve(node[0]));
            Files.writeString(n.resolve("index"), node[1] + "\n");
            Files.writeString(n.resolve("name"), "HD USB Camera\n");
        }
        org.onewindow.devices.camera.Cameras.useDriver(new org.onewindow.devices.camera.FfmpegCaptureDriver("ffmpeg",
                org.onewindow.devices.camera.CameraLister.v4l2(sys, dir.resolve("dev")), 100));
        AttachedDevices real = AttachedDevices.ofThisPc("ffmpeg");
        AttachedDevices devices = new AttachedDevices() {
            @Override
            public java.util.List<String> cameras() throws org.onewindow.core.device.DeviceException {
                return real.cameras();
            }

            @Override
            public java.util.List<String> serialPorts() {
                return java.util.List.of("/dev/ttyUSB0"); // this machine may have none
            }
        };
        ProvisioningWizardViewModel vm = new ProvisioningWizardViewModel(dir.resolve("w.properties"), false,
                Runnable::run, Runnable::run, devices);
        assertThat(vm.choices(ProvisioningSchema.FACE_CAMERA)).containsExactly("none", "simulated");

        vm.findDevices();

        assertThat(vm.choices(ProvisioningSchema.FACE_CAMERA))
                .containsExactly("system:HD USB Camera (video0)", "none", "simulated");
        assertThat(vm.choices(ProvisioningSchema.DOCUMENT_CAMERA)).contains("system:HD USB Camera (video0)");
        assertThat(vm.choices(ProvisioningSchema.ID_READER)).startsWith("serial:/dev/ttyUSB0");
        assertThat(vm.choices(ProvisioningSchema.SCANNER)).startsWith("serial:/dev/ttyUSB0");
        assertThat(vm.choices(ProvisioningSchema.FACE_CAMERA_RESOLUTION)).contains("640x480");
        assertThat(vm.devicesStatusProperty().get()).isEqualTo("1 camera, 1 serial port");
    }

    @Test
    void aCameraPluggedInWhileTheWizardIsOpenIsOffered() throws Exception {
        Path sys = Files.createDirectories(dir.resolve("sys-plug"));
        org.onewindow.devices.camera.Cameras.useDriver(new org.onewindow.devices.camera.FfmpegCaptureDriver("ffmpeg",
                org.onewindow.devices.camera.CameraLister.v4l2(sys, dir.resolve("dev")), 100));
        java.util.concurrent.ExecutorService io = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.BlockingQueue<Runnable> ui = new java.util.concurrent.LinkedBlockingQueue<>();
        ProvisioningWizardViewModel vm = new ProvisioningWizardViewModel(dir.resolve("w.properties"), false, io, ui::add,
                AttachedDevices.ofThisPc("ffmpeg"));
        try (AutoCloseable watch = vm.watchCameras()) {
            Thread.sleep(300); // the watch starts on the I/O thread
            Path n = Files.createDirectories(sys.resolve("video4"));
            Files.writeString(n.resolve("index"), "0\n");
            Files.writeString(n.resolve("name"), "Document Camera\n");
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (!vm.choices(ProvisioningSchema.DOCUMENT_CAMERA).contains("system:Document Camera (video4)")) {
                Runnable task = ui.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (task != null) {
                    task.run();
                }
                assertThat(System.nanoTime()).as("the plugged camera is offered").isLessThan(deadline);
            }
        } finally {
            io.shutdownNow();
        }
    }

    @Test
    void aFailingCameraListIsSaidAndTheFixedChoicesStay() {
        AttachedDevices broken = new AttachedDevices() {
            @Override
            public java.util.List<String> cameras() throws org.onewindow.core.device.DeviceException {
                throw new org.onewindow.core.device.DeviceException(
                        org.onewindow.core.device.DeviceException.Kind.NOT_CONNECTED, "ffmpeg not found");
            }

            @Override
            public java.util.List<String> serialPorts() {
                return java.util.List.of();
            }
        };
        ProvisioningWizardViewModel vm = new ProvisioningWizardViewModel(dir.resolve("w.properties"), false,
                Runnable::run, Runnable::run, broken);

        vm.findDevices();

        assertThat(vm.devicesStatusProperty().get()).isEqualTo("0 cameras, 0 serial ports (cameras not listed: ffmpeg not found)");
        assertThat(vm.choices(ProvisioningSchema.FACE_CAMERA)).containsExactly("none", "simulated");
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
