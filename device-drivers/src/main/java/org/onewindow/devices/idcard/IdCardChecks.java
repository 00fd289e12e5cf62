package org.onewindow.devices.idcard;

import java.time.LocalDate;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.DeviceException.Kind;
import org.onewindow.core.identity.IdCard;
import org.onewindow.core.identity.IdCardType;
import org.onewindow.core.identity.IdNumberCheck;
import org.onewindow.core.identity.IdNumbers;
import org.onewindow.core.privacy.Masking;

/** Checks every reader applies to a decoded card, whatever the transport. */
public final class IdCardChecks {
    private IdCardChecks() {
    }

    /**
     * The card's number must pass the GB 11643 rules (region, birth date, check digit). The 2017 permanent
     * resident number (3 letters and 12 digits) has no such check. A failure means a damaged read or a
     * card that is not genuine: {@link Kind#READ_FAILED}, number masked in the message.
     */
    public static void checkNumber(IdCard card, LocalDate today) throws DeviceException {
        if (card.type() == IdCardType.FOREIGN_PERMANENT_2017) {
            return;
        }
        IdNumberCheck check = IdNumbers.check(card.idNumber(), today);
        if (!check.valid()) {
            throw new DeviceException(Kind.READ_FAILED, "The card's number " + Masking.idNumber(card.idNumber())
                    + " fails its check (" + check.problem().describe() + "): the read was damaged or the card is "
                    + "not genuine. Read the card again.");
        }
    }
}
