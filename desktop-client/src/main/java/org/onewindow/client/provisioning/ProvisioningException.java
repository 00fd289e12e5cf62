package org.onewindow.client.provisioning;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A provisioning file that cannot be used, with every mistake found (not just the first). */
public final class ProvisioningException extends Exception {
    private final transient Path file;
    private final List<ProvisioningProblem> problems;

    public ProvisioningException(Path file, List<ProvisioningProblem> problems) {
        super(describe(file, problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public Path file() {
        return file;
    }

    public List<ProvisioningProblem> problems() {
        return problems;
    }

    private static String describe(Path file, List<ProvisioningProblem> problems) {
        return "provisioning file " + file + " has " + problems.size()
                + (problems.size() == 1 ? " mistake:" : " mistakes:") + System.lineSeparator()
                + problems.stream().map(p -> "  - " + p.message()).collect(Collectors.joining(System.lineSeparator()));
    }
}
