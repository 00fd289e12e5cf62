package org.onewindow.client.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.identity.IdCard;
import org.onewindow.core.privacy.Masking;
import org.onewindow.devices.idcard.text.Nations;

/**
 * The command line's JSON for a card read and for a device error. Without reveal, numbers and names are
 * masked ({@link Masking}) and the address is left out: such output ends up in terminals and tickets.
 */
final class IdCardJson {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private IdCardJson() {
    }

    static ObjectNode card(IdCard card, boolean reveal) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("type", card.type().name());
        json.put("revealed", reveal);
        json.put("name", reveal ? card.name() : masked(card.name()));
        json.put("englishName", reveal ? card.englishName() : masked(card.englishName()));
        json.put("sex", card.sex() == null ? null : card.sex().name());
        if (card.nationCode() != null) {
            ObjectNode nation = json.putObject("nation");
            nation.put("code", card.nationCode());
            nation.put("name", Nations.name(card.nationCode()).orElse(null));
        }
        json.put("birthDate", date(card.birthDate()));
        if (reveal) {
            json.put("address", card.address());
        }
        json.put("idNumber", reveal ? card.idNumber() : Masking.idNumber(card.idNumber()));
        json.put("issuingAuthority", card.issuingAuthority());
        json.put("validFrom", date(card.validFrom()));
        json.put("validUntil", card.longTerm() ? "长期" : date(card.validUntil()));
        json.put("longTerm", card.longTerm());
        json.put("nationality", card.nationality());
        json.put("passNumber", card.passNumber() == null || reveal ? card.passNumber()
                : Masking.idNumber(card.passNumber()));
        if (card.issueCount() != null) {
            json.put("issueCount", card.issueCount());
        }
        ObjectNode photo = json.putObject("photo");
        photo.put("wltBytes", card.photoWlt() == null ? 0 : card.photoWlt().length);
        photo.put("decoded", card.photoImage() != null);
        return json;
    }

    static ObjectNode error(DeviceException e) {
        ObjectNode json = MAPPER.createObjectNode();
        ObjectNode error = json.putObject("error");
        error.put("kind", e.kind().name());
        error.put("messageKey", e.kind().messageKey());
        error.put("message", e.getMessage());
        return json;
    }

    private static String masked(String name) {
        return name == null ? null : Masking.name(name);
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
