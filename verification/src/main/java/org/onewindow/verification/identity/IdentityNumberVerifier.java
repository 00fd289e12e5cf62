package org.onewindow.verification.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.onewindow.core.verify.CredentialPresentation;
import org.onewindow.core.verify.VerificationMode;
import org.onewindow.core.verify.VerificationReason;
import org.onewindow.core.verify.VerificationResult;
import org.onewindow.verification.chain.FormatVerifier;
import org.onewindow.verification.chain.Formats;
import org.onewindow.verification.chain.Outcome;

/**
 * A bare identity number (typed, or scanned from a barcode): checked by its own rules only, so a VALID
 * verdict here means "well-formed", with mode LOCAL_RULES; the back-end identity check is a separate step.
 */
public final class IdentityNumberVerifier implements FormatVerifier {
    public static final String FORMAT = "id-number";
    private static final Pattern SHAPE = Pattern.compile("[0-9]{17}[0-9Xx]|[A-Za-z]{3}[0-9]{12}");

    private final Clock clock;

    public IdentityNumberVerifier(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean accepts(CredentialPresentation presentation) {
        return SHAPE.matcher(FormatVerifier.text(presentation)).matches();
    }

    @Override
    public VerificationResult verify(CredentialPresentation presentation) {
        String number = FormatVerifier.text(presentation).toUpperCase();
        Outcome o = new Outcome(FORMAT, VerificationMode.LOCAL_RULES, clock.instant());
        IdentityNumberCheck c = IdentityNumbers.check(number, LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai")));
        o.check(Formats.Checks.DECODE, true);
        o.check(Formats.Checks.SCHEMA, c.valid());
        o.claim("credentialType", c.kind().name());
        o.claim("holderId", number);
        if (!c.valid()) {
            return o.invalid(VerificationReason.INVALID_NUMBER, c.problem().describe());
        }
        o.claim("dateOfBirth", c.birthDate() == null ? null : c.birthDate().toString());
        o.claim("region", c.region());
        o.claim("note", c.note());
        return o.valid("number follows the rules of " + c.kind());
    }
}
