package org.onewindow.core.verify;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A national e-license (电子证照) identifier: {@code 1.2.156.3005.2.<type>.<issuer credit code>.<serial>.<version>.<check>}.
 * The check character is ISO 7064 MOD 37,36 (hybrid, alphanumeric) over everything after the fixed
 * {@code 1.2.156.3005.2.} arc with the dots removed; the sandbox issues such identifiers and the verifier
 * rejects ones whose check character is wrong.
 *
 * @param typeCode   the credential type code (digits and capitals)
 * @param issuerCode the issuing authority's 18-character unified social credit code
 * @param serial     the issuer's serial number
 * @param version    the version of the credential (3 digits)
 */
public record CredentialIdentifier(String typeCode, String issuerCode, String serial, String version) {
    public static final String ARC = "1.2.156.3005.2.";
    private static final String ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final Pattern FORM = Pattern.compile(
            "1\\.2\\.156\\.3005\\.2\\.([0-9A-Z]{1,20})\\.([0-9A-Z]{18})\\.([0-9A-Z]{1,40})\\.([0-9]{3})\\.([0-9A-Z])");

    /** Parses and checks an identifier; empty when it is malformed or its check character is wrong. */
    public static Optional<CredentialIdentifier> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        CredentialIdentifier id = new CredentialIdentifier(m.group(1), m.group(2), m.group(3), m.group(4));
        return id.checkCharacter() == m.group(5).charAt(0) ? Optional.of(id) : Optional.empty();
    }

    /** The ISO 7064 MOD 37,36 check character over type, issuer, serial and version. */
    public char checkCharacter() {
        String data = typeCode + issuerCode + serial + version;
        int product = 36;
        for (int i = 0; i < data.length(); i++) {
            int sum = (product + ALNUM.indexOf(data.charAt(i))) % 36;
            if (sum == 0) {
                sum = 36;
            }
            product = (2 * sum) % 37;
        }
        return ALNUM.charAt((37 - product) % 36);
    }

    @Override
    public String toString() {
        return ARC + typeCode + "." + issuerCode + "." + serial + "." + version + "." + checkCharacter();
    }
}
