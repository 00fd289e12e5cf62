package org.onewindow.verification.identity;

import java.time.LocalDate;
import org.onewindow.core.identity.IdNumberCheck;

/**
 * The outcome of checking an identity number by its rules.
 *
 * @param kind      the document the number's form belongs to
 * @param valid     every rule passed
 * @param problem   the first rule broken, or null
 * @param birthDate the birth date in the number, when readable
 * @param region    the nearest listed region name (or nationality code for foreigners), or null
 * @param note      a remark for the clerk that is not a failure (withdrawn code, code outside the bundled subset)
 */
public record IdentityNumberCheck(IdDocumentKind kind, boolean valid, IdNumberCheck.Problem problem, LocalDate birthDate,
                                  String region, String note) {
    static IdentityNumberCheck failed(IdDocumentKind kind, IdNumberCheck.Problem problem) {
        return new IdentityNumberCheck(kind, false, problem, null, null, null);
    }
}
