package org.onewindow.client.provisioning;

/**
 * One mistake in a provisioning file, phrased for IT: which key, what is wrong, what is expected.
 * Never quotes a secret's value.
 */
public record ProvisioningProblem(String key, String problem, String expected) {
    public String message() {
        return key + ": " + problem + (expected == null || expected.isEmpty() ? "" : " (expected " + expected + ")");
    }

    @Override
    public String toString() {
        return message();
    }
}
