package org.onewindow.devices.idcard.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.identity.IdCard;
import org.onewindow.core.identity.IdCardType;
import org.onewindow.core.identity.Sex;
import org.onewindow.devices.idcard.sim.SampleCards;

class IdCardTextTest {

    @Test
    void everySampleCardRoundTripsThroughItsTextBlock() throws DeviceException {
        for (IdCard card : SampleCards.all()) {
            byte[] text = IdCardText.encode(card);
            assertThat(text).hasSize(256);
            assertThat(IdCardText.decode(text, null)).as("%s", card.type()).isEqualTo(card);
        }
    }

    @Test
    void residentBlockHasTheDocumentedFieldPositions() {
        byte[] text = IdCardText.encode(DemoCitizens.ZHANG_WEI);
        assertThat(field(text, 0, 30)).isEqualTo("张伟");
        assertThat(field(text, 30, 2)).isEqualTo("1");
        assertThat(field(text, 32, 4)).isEqualTo("01");
        assertThat(field(text, 36, 16)).isEqualTo("19900307");
        assertThat(field(text, 52, 70)).isEqualTo("山东省济南市历下区泉城路180号");
        assertThat(field(text, 122, 36)).isEqualTo("370102199003071238");
        assertThat(field(text, 158, 30)).isEqualTo("济南市公安局历下分局");
        assertThat(field(text, 188, 16)).isEqualTo("20160512");
        assertThat(field(text, 204, 16)).isEqualTo("20360512");
        // padding is UCS-2 space, not NUL
        assertThat(text[254]).isEqualTo((byte) ' ');
        assertThat(text[255]).isZero();
    }

    @Test
    void longTermValidityIsWrittenAndReadAsChangqi() throws DeviceException {
        byte[] text = IdCardText.encode(DemoCitizens.LI_NA);
        assertThat(field(text, 204, 16)).isEqualTo("长期");
        IdCard back = IdCardText.decode(text, null);
        assertThat(back.longTerm()).isTrue();
        assertThat(back.validUntil()).isNull();
        assertThat(back.isValidOn(LocalDate.of(2090, 1, 1))).isTrue();
    }

    @Test
    void typeFlagSitsAtByte248() {
        assertThat(field(IdCardText.encode(DemoCitizens.CHAN_KA_MING), 248, 2)).isEqualTo("J");
        assertThat(field(IdCardText.encode(SampleCards.JOHN_SMITH_2017), 248, 2)).isEqualTo("I");
        assertThat(field(IdCardText.encode(DemoCitizens.ANNA_SCHMIDT), 248, 2)).isEqualTo("Y");
        assertThat(field(IdCardText.encode(DemoCitizens.ZHANG_WEI), 248, 2)).isEmpty();
        assertThat(IdCardText.typeOf(IdCardText.encode(DemoCitizens.ANNA_SCHMIDT)))
                .isEqualTo(IdCardType.FOREIGN_PERMANENT_2023);
    }

    @Test
    void hmtPermitCarriesPassNumberAndIssueCountInTheTail() {
        byte[] text = IdCardText.encode(DemoCitizens.CHAN_KA_MING);
        assertThat(field(text, 220, 18)).isEqualTo("H12345678");
        assertThat(field(text, 238, 4)).isEqualTo("01");
    }

    @Test
    void foreign2017LayoutPutsTheEnglishNameFirst() {
        byte[] text = IdCardText.encode(SampleCards.JOHN_SMITH_2017);
        assertThat(field(text, 0, 120)).isEqualTo("SMITH, JOHN");
        assertThat(field(text, 122, 30)).isEqualTo("USA370075040201");
        assertThat(field(text, 152, 6)).isEqualTo("USA");
        assertThat(field(text, 158, 30)).isEqualTo("史密斯约翰");
        assertThat(field(text, 236, 4)).isEqualTo("02");
        assertThat(field(text, 240, 8)).isEqualTo("1500");
    }

    @Test
    void foreign2023EnglishNameLongerThanItsFirstFieldContinuesInTheTail() throws DeviceException {
        IdCard card = new IdCard(IdCardType.FOREIGN_PERMANENT_2023, "欧阳玛丽亚", "VAN DER BERG-OUYANG, MARIA ALEXANDRA",
                Sex.FEMALE, null, LocalDate.of(1985, 6, 15), null, "937156198506150013", "国家移民管理局",
                LocalDate.of(2024, 1, 2), LocalDate.of(2034, 1, 2), false, "NLD", null, 2, null, null);
        byte[] text = IdCardText.encode(card);
        assertThat(field(text, 52, 70)).isEqualTo("VAN DER BERG-OUYANG, MARIA ALEXANDR");
        assertThat(field(text, 220, 22)).isEqualTo("A");
        assertThat(IdCardText.decode(text, null)).isEqualTo(card);
    }

    @Test
    void tooLongAFieldIsRejectedByTheEncoder() {
        IdCard card = IdCard.resident("一二三四五六七八九十一二三四五六", Sex.MALE, "01", LocalDate.of(1990, 1, 1), "x",
                "370102199003071238", "y", LocalDate.of(2010, 1, 1), LocalDate.of(2030, 1, 1));
        assertThatThrownBy(() -> IdCardText.encode(card)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name");
    }

    @Test
    void impossibleDatesAndWrongSizesAreTypedReadFailures() {
        byte[] text = IdCardText.encode(DemoCitizens.ZHANG_WEI);
        byte[] month13 = "19901307".getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(month13, 0, text, 36, 16);
        assertThatThrownBy(() -> IdCardText.decode(text, null)).isInstanceOfSatisfying(DeviceException.class, e -> {
            assertThat(e.kind()).isEqualTo(DeviceException.Kind.READ_FAILED);
            assertThat(e.getMessage()).contains("birth").doesNotContain("1990");
        });
        assertThatThrownBy(() -> IdCardText.decode(new byte[255], null)).isInstanceOf(DeviceException.class);
        assertThatThrownBy(() -> IdCardText.decode(new byte[256], null)).isInstanceOfSatisfying(
                DeviceException.class, e -> assertThat(e.getMessage()).contains("no document number"));
    }

    @Test
    void addedAddressRoundTrips() {
        byte[] block = IdCardText.encodeAddedAddress("山东省济南市历城区山大南路27号");
        assertThat(block).hasSize(70);
        assertThat(IdCardText.decodeAddedAddress(block)).isEqualTo("山东省济南市历城区山大南路27号");
    }

    @Test
    void nationTableCoversTheFiftySixNationsAndTheTwoSpecialCodes() {
        assertThat(Nations.all()).hasSize(58);
        assertThat(Nations.name("01")).contains("汉");
        assertThat(Nations.name("03")).contains("回");
        assertThat(Nations.name("56")).contains("基诺");
        assertThat(Nations.name("97")).contains("其他");
        assertThat(Nations.name("98")).contains("外国血统中国籍人士");
        assertThat(Nations.name("57")).isEmpty();
        assertThat(Nations.all().values()).doesNotHaveDuplicates();
    }

    private static String field(byte[] text, int offset, int length) {
        return new String(Arrays.copyOfRange(text, offset, offset + length), StandardCharsets.UTF_16LE).strip();
    }
}
