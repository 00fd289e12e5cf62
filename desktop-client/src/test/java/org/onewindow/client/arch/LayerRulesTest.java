package org.onewindow.client.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module layering of docs/architecture.md, checked on the compiled classes of every module. */
class LayerRulesTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.onewindow");
    }

    @Test
    void coreDependsOnNothingButTheJdk() {
        noClasses().that().resideInAPackage("org.onewindow.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "com.fazecast..",
                        "javax.smartcardio..", "org.jmrtd..", "com.github.sarxos..", "com.sun.jna..",
                        "com.fasterxml..", "org.apache.hc..", "org.slf4j..", "org.onewindow.devices..",
                        "org.onewindow.verification..", "org.onewindow.cache..", "org.onewindow.sandbox..",
                        "org.onewindow.client..")
                .because("core holds the domain and the ports; every other module plugs into it, not the reverse")
                .check(classes);
    }

    @Test
    void onlyDeviceDriversTouchSerialAndSmartCardLibraries() {
        noClasses().that().resideOutsideOfPackage("org.onewindow.devices..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fazecast..", "javax.smartcardio..",
                        "org.jmrtd..", "net.sf.scuba..")
                .because("device I/O is wrapped once, in device-drivers, behind the core ports")
                .check(classes);
    }

    @Test
    void nothingOutsideTheDesktopClientSeesJavaFx() {
        noClasses().that().resideOutsideOfPackage("org.onewindow.client..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("drivers, verification, the store and the sandbox must run headless and be testable without a toolkit")
                .check(classes);
    }

    @Test
    void viewModelsNeverTouchControls() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..")
                .because("view models own state and are tested with plain JUnit; views bind to them")
                .check(classes);
    }

    @Test
    void theSandboxIsNotUsedByDriversVerificationOrStore() {
        noClasses().that().resideInAnyPackage("org.onewindow.devices..", "org.onewindow.verification..",
                        "org.onewindow.cache..")
                .should().dependOnClassesThat().resideInAPackage("org.onewindow.sandbox..")
                .because("the sandbox is a peer over HTTP, only the composition root may start it in-process")
                .check(classes);
    }
}
