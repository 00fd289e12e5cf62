package org.onewindow.devices.idcard.sim;

import java.util.List;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.core.identity.IdCard;

/**
 * Sample cards of every type for the simulator: the people of {@link DemoCitizens} (the sandbox
 * back-end knows them) plus a 2017 foreign permanent resident card, a type the demo data set lacks.
 * All invented.
 */
public final class SampleCards {

    /** John Smith, 2017 foreign permanent resident ID card (15-character number: 3 letters, 12 digits). */
    /** The 2017-layout card of the shared demo data set. */
    public static final IdCard JOHN_SMITH_2017 = DemoCitizens.JOHN_SMITH_2017;

    private SampleCards() {
    }

    /** One card of each type and both validity forms, demo citizens first. */
    public static List<IdCard> all() {
        return List.of(DemoCitizens.ZHANG_WEI, DemoCitizens.LI_NA, DemoCitizens.MA_XIULAN, DemoCitizens.ANNA_SCHMIDT,
                DemoCitizens.CHAN_KA_MING, JOHN_SMITH_2017);
    }

    /** The card as the chip holds it: with its (simulated) WLT photo block. */
    public static IdCard withPhoto(IdCard card) {
        return new IdCard(card.type(), card.name(), card.englishName(), card.sex(), card.nationCode(),
                card.birthDate(), card.address(), card.idNumber(), card.issuingAuthority(), card.validFrom(),
                card.validUntil(), card.longTerm(), card.nationality(), card.passNumber(), card.issueCount(),
                SimulatedPhotos.wltFor(card.idNumber()), null);
    }
}
