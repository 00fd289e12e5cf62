package org.onewindow.client.provisioning;

import java.util.function.Function;

/**
 * One key of the provisioning file: its name, whether it must be there, its default, an example, whether
 * its value is a secret (never shown, logged or put into a support bundle), a one-line description for
 * the template and the wizard, and how its text becomes a value.
 */
public record ProvisioningKey(String name, boolean required, String defaultValue, String example, boolean secret,
                              String description, Function<String, Object> parser) {

    /** Thrown by a parser: what is wrong with the text and what would be right. */
    public static final class Invalid extends RuntimeException {
        private final String expected;

        public Invalid(String problem, String expected) {
            super(problem, null, false, false);
            this.expected = expected;
        }

        public String expected() {
            return expected;
        }
    }
}
