package org.onewindow.client.scan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scanner code keeps its layers: decoding and device logic without UI, the UI without drivers' internals. */
class ScanLayeringTest {

    private static JavaClasses classes;

    /**
     * Imports only the two modules' own classes and, for this import only, does not follow their references
     * into the classpath (that takes half a minute here); the rules need only the names of referenced classes.
     */
    @BeforeAll
    static void importScannerClasses() {
        ArchConfiguration config = ArchConfiguration.get();
        boolean resolve = config.resolveMissingDependenciesFromClassPath();
        config.setResolveMissingDependenciesFromClassPath(false);
        try {
            classes = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importLocations(java.util.Set.of(locationOf(org.onewindow.devices.scan.ScanHub.class),
                            locationOf(KeyboardWedgeScanner.class)));
        } finally {
            config.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }

    private static com.tngtech.archunit.core.importer.Location locationOf(Class<?> type) {
        return com.tngtech.archunit.core.importer.Location.of(type.getProtectionDomain().getCodeSource().getLocation());
    }

    @Test
    void scannerDriversAndDecodingUseNoJavaFx() {
        noClasses().that().resideInAPackage("org.onewindow.devices.scan..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("drivers and the decode pipeline run headless, in the CLI and on scanner threads")
                .check(classes);
    }

    @Test
    void decodingKnowsNothingOfPortsOrCameras() {
        noClasses().that().resideInAPackage("org.onewindow.devices.scan.decode..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fazecast..", "com.github.sarxos..",
                        "org.onewindow.devices.scan.serial..", "org.onewindow.devices.scan.camera..")
                .because("the pipeline works on images only, so the CLI and tests use it without devices")
                .check(classes);
    }

    @Test
    void uiPiecesDoNotTalkToSerialPortsDirectly() {
        noClasses().that().resideInAPackage("org.onewindow.client.scan..")
                .should().dependOnClassesThat().resideInAPackage("com.fazecast..")
                .because("the UI sees scanners through the CodeScanner port and scan events")
                .check(classes);
    }
}
