package org.onewindow.devices.idcard.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.identity.IdCard;
import org.onewindow.core.identity.IdCardType;
import org.onewindow.core.identity.IdNumbers;
import org.onewindow.core.identity.Sex;

class IdCardTextProperties {

    @Property(tries = 200)
    void residentAndPermitCardsRoundTrip(@ForAll("cards") IdCard card) throws DeviceException {
        assertThat(IdCardText.decode(IdCardText.encode(card), null)).isEqualTo(card);
    }

    @Property(tries = 200)
    void anyTextBlockDecodesOrFailsTyped(@ForAll @Size(256) byte[] text) {
        try {
            IdCard card = IdCardText.decode(text, null);
            assertThat(card.idNumber()).isNotEmpty();
        } catch (DeviceException e) {
            assertThat(e.kind()).isEqualTo(DeviceException.Kind.READ_FAILED);
        }
    }

    @Provide
    Arbitrary<IdCard> cards() {
        Arbitrary<String> hanzi = Arbitraries.chars().range('\u4e00', '\u9fa5').list().ofMinSize(1).ofMaxSize(15)
                .map(l -> l.stream().map(String::valueOf).reduce("", String::concat));
        Arbitrary<String> address = Arbitraries.chars().range('\u4e00', '\u9fa5').list().ofMinSize(1).ofMaxSize(35)
                .map(l -> l.stream().map(String::valueOf).reduce("", String::concat));
        Arbitrary<LocalDate> dates = Arbitraries.integers().between(0, 40_000)
                .map(d -> LocalDate.of(1920, 1, 1).plusDays(d));
        Arbitrary<String> number = Arbitraries.strings().numeric().ofLength(17).map(IdNumbers::withCheckCharacter);
        Arbitrary<String> nation = Arbitraries.of(Nations.all().keySet());
        Arbitrary<Boolean> longTerm = Arbitraries.of(true, false);
        Arbitrary<IdCardType> type = Arbitraries.of(IdCardType.RESIDENT, IdCardType.HMT_RESIDENCE_PERMIT);
        return Combinators.combine(type, hanzi, address, dates, number, nation, longTerm, hanzi)
                .as((t, name, addr, birth, num, nat, lt, authority) -> new IdCard(t, name, null, Sex.FEMALE,
                        t == IdCardType.RESIDENT ? nat : null, birth, addr, num, authority, birth.plusYears(16),
                        lt ? null : birth.plusYears(36), lt, null, t == IdCardType.RESIDENT ? null : "M0123456" + nat.charAt(1),
                        t == IdCardType.RESIDENT ? null : 3, null, null));
    }
}
