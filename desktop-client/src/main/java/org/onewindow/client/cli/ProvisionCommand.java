package org.onewindow.client.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.onewindow.client.provisioning.Provisioning;
import org.onewindow.client.provisioning.ProvisioningException;
import org.onewindow.client.provisioning.ProvisioningLoader;
import org.onewindow.client.provisioning.ProvisioningLocation;
import org.onewindow.client.provisioning.ProvisioningProblem;
import org.onewindow.client.provisioning.ProvisioningWriter;
import org.onewindow.client.provisioning.RedactedSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code onewindow provision validate|install|show|template|wizard}: IT's tools for the provisioning file. */
@Command(name = "provision", mixinStandardHelpOptions = true,
        description = "Check, install, show or create this workstation's provisioning file.",
        subcommands = {ProvisionCommand.Validate.class, ProvisionCommand.Install.class, ProvisionCommand.Show.class,
                ProvisionCommand.Template.class, ProvisionCommand.Wizard.class, ProvisionCommand.Token.class})
public final class ProvisionCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.println("Machine provisioning file: " + ProvisioningLocation.machineFile());
        System.out.println("Use: onewindow provision validate|install|show|template|wizard (--help for each)");
        return 0;
    }

    static int report(ProvisioningException e) {
        System.err.println(e.getMessage());
        return 2;
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check a provisioning file; prints every mistake (key, what is wrong, what is expected).")
    static final class Validate implements Callable<Integer> {
        @Parameters(arity = "0..1", description = "The file (default: the machine file)")
        Path file;

        @Override
        public Integer call() {
            Path f = file != null ? file : ProvisioningLocation.machineFile();
            try {
                Provisioning p = ProvisioningLoader.load(f);
                System.out.println(f + " is valid: hall " + p.hall() + ", window " + p.window() + ", workstation "
                        + p.workstation());
                return 0;
            } catch (ProvisioningException e) {
                return report(e);
            }
        }
    }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Validate a provisioning file and install it as this machine's (needs administrator rights).")
    static final class Install implements Callable<Integer> {
        @Parameters(description = "The provisioning file for this workstation")
        Path file;

        @Option(names = "--to", description = "Target (default: the machine file)")
        Path target;

        @Override
        public Integer call() throws Exception {
            Path to = target != null ? target : ProvisioningLocation.machineFile();
            try {
                ProvisioningLoader.load(file);
            } catch (ProvisioningException e) {
                return report(e);
            }
            if (ProvisioningLocation.lockedFor(to)) {
                System.err.println("Cannot write " + to + ": run as administrator (sudo onewindow provision install ...)");
                return 3;
            }
            ProvisioningWriter.write(to, Files.readString(file));
            System.out.println("Installed " + file + " as " + to);
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print the settings in use, secrets hidden.")
    static final class Show implements Callable<Integer> {
        @Parameters(arity = "0..1", description = "The file (default: the machine file)")
        Path file;

        @Override
        public Integer call() throws Exception {
            Path f = file != null ? file : ProvisioningLocation.machineFile();
            if (!Files.exists(f)) {
                System.err.println("No provisioning file at " + f + " (the client runs its embedded demo).");
                return 1;
            }
            System.out.println("# " + f + (ProvisioningLocation.lockedFor(f) ? " (locked: read-only for this user)" : ""));
            System.out.print(RedactedSettings.text(RedactedSettings.of(f)));
            return 0;
        }
    }

    @Command(name = "template", mixinStandardHelpOptions = true,
            description = "Print a commented template with every key.")
    static final class Template implements Callable<Integer> {
        @Override
        public Integer call() {
            System.out.print(ProvisioningWriter.template());
            return 0;
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true,
            description = "Print a new random token for bridge.token (256 bits, URL-safe).")
    static final class Token implements Callable<Integer> {
        @Override
        public Integer call() {
            byte[] bytes = new byte[32];
            new java.security.SecureRandom().nextBytes(bytes);
            System.out.println(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
            return 0;
        }
    }

    @Command(name = "wizard", mixinStandardHelpOptions = true,
            description = "Open the first-run wizard (a window) that writes the provisioning file.")
    static final class Wizard implements Callable<Integer> {
        @Option(names = "--to", description = "Target (default: the machine file)")
        Path target;

        @Override
        public Integer call() {
            Path to = target != null ? target : ProvisioningLocation.machineFile();
            if (ProvisioningLocation.lockedFor(to)) {
                System.err.println("Settings are locked: " + to + " can only be written by IT (run as administrator).");
                return 3;
            }
            org.onewindow.client.provisioning.ProvisioningWizardApp.open(to);
            return 0;
        }
    }

}
