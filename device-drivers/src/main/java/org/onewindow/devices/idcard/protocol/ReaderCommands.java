package org.onewindow.devices.idcard.protocol;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.DeviceException.Kind;

/**
 * One method per module command, no session state. Each command is retried on line damage (checksum,
 * length, truncated frame, no answer) up to the configured count; answers the module gives on purpose
 * (no card, read failed, SAM errors) come back at once as typed failures.
 */
public final class ReaderCommands {
    private static final byte[] NO_DATA = new byte[0];
    private static final Set<Kind> RETRYABLE = EnumSet.of(Kind.CHECKSUM, Kind.LENGTH, Kind.PROTOCOL, Kind.TIMEOUT);
    static final int TEXT_LENGTH = 256;
    static final int PHOTO_LENGTH = 1024;

    private final FrameChannel channel;
    private final int commandTimeoutMillis;
    private final int cardReadTimeoutMillis;
    private final int retries;
    private int retriesUsed;

    public ReaderCommands(FrameChannel channel, int commandTimeoutMillis, int cardReadTimeoutMillis, int retries) {
        this.channel = channel;
        this.commandTimeoutMillis = commandTimeoutMillis;
        this.cardReadTimeoutMillis = cardReadTimeoutMillis;
        this.retries = retries;
    }

    public FrameChannel channel() {
        return channel;
    }

    /** How many retries line damage has cost since this object was made (diagnostics and tests). */
    public int retriesUsed() {
        return retriesUsed;
    }

    public void resetSam() throws DeviceException {
        expectOk(Command.RESET_SAM, exchange(Command.RESET_SAM, Frame.request(Command.RESET_SAM, NO_DATA)));
    }

    /** Succeeds when the module reports itself ready (90); its failure codes otherwise. */
    public void samStatus() throws DeviceException {
        expectOk(Command.SAM_STATUS, exchange(Command.SAM_STATUS, Frame.request(Command.SAM_STATUS, NO_DATA)));
    }

    public String samId() throws DeviceException {
        Frame answer = exchange(Command.READ_SAM_ID, Frame.request(Command.READ_SAM_ID, NO_DATA));
        expectOk(Command.READ_SAM_ID, answer);
        byte[] data = answer.responseData();
        if (data.length < SamIds.LENGTH) {
            throw new DeviceException(Kind.LENGTH, "SAM ID answer has " + data.length + " bytes, expected 16");
        }
        return SamIds.format(Arrays.copyOf(data, SamIds.LENGTH));
    }

    /** True when a card answered (9F), false when none did (80). */
    public boolean findCard() throws DeviceException {
        Frame answer = exchange(Command.FIND_CARD, Frame.request(Command.FIND_CARD, NO_DATA));
        return switch (answer.sw3()) {
            case 0x9F -> true;
            case 0x80 -> false;
            default -> throw StatusCode.failureFor(answer.sw3(), Command.FIND_CARD);
        };
    }

    public void selectCard() throws DeviceException {
        expectOk(Command.SELECT_CARD, exchange(Command.SELECT_CARD, Frame.request(Command.SELECT_CARD, NO_DATA)));
    }

    public CardData readTextAndPhoto() throws DeviceException {
        return readCard(Command.READ_TEXT_PHOTO, false);
    }

    public CardData readTextPhotoAndFingerprints() throws DeviceException {
        return readCard(Command.READ_TEXT_PHOTO_FINGERPRINT, true);
    }

    /** The added (changed) address block of a resident card, empty when the card holds none (91). */
    public Optional<byte[]> readAddedAddress() throws DeviceException {
        Frame answer = exchange(Command.READ_ADDED_ADDRESS, Frame.request(Command.READ_ADDED_ADDRESS, NO_DATA));
        if (answer.sw3() == StatusCode.NO_CONTENT.code()) {
            return Optional.empty();
        }
        expectOk(Command.READ_ADDED_ADDRESS, answer);
        return Optional.of(answer.responseData());
    }

    /** Asks the module to switch rate. It answers at the old rate; the caller then switches the port. */
    public void setBaudRate(BaudRate rate) throws DeviceException {
        Frame answer = exchange(Command.SET_BAUD, Frame.request(Command.SET_BAUD.code(), rate.code(), NO_DATA));
        expectOk(Command.SET_BAUD, answer);
    }

    private CardData readCard(Command command, boolean withFingerprints) throws DeviceException {
        Frame answer = exchange(command, Frame.request(command, NO_DATA), cardReadTimeoutMillis);
        expectOk(command, answer);
        byte[] data = answer.responseData();
        int header = withFingerprints ? 6 : 4;
        if (data.length < header) {
            throw new DeviceException(Kind.LENGTH, command + " answer too short for its length fields");
        }
        int textLength = u16(data, 0);
        int photoLength = u16(data, 2);
        int fingerprintLength = withFingerprints ? u16(data, 4) : 0;
        if (textLength != TEXT_LENGTH || photoLength != PHOTO_LENGTH
                || data.length != header + textLength + photoLength + fingerprintLength) {
            throw new DeviceException(Kind.LENGTH, String.format("%s answer announces text %d, photo %d%s bytes "
                    + "but carries %d data bytes", command, textLength, photoLength,
                    withFingerprints ? ", fingerprints " + fingerprintLength : "", data.length));
        }
        byte[] text = Arrays.copyOfRange(data, header, header + textLength);
        byte[] photo = Arrays.copyOfRange(data, header + textLength, header + textLength + photoLength);
        byte[] fingerprints = withFingerprints
                ? Arrays.copyOfRange(data, header + textLength + photoLength, data.length) : null;
        return new CardData(text, photo, fingerprints);
    }

    private Frame exchange(Command command, Frame request) throws DeviceException {
        return exchange(command, request, commandTimeoutMillis);
    }

    private Frame exchange(Command command, Frame request, int timeoutMillis) throws DeviceException {
        DeviceException last = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) {
                retriesUsed++;
            }
            try {
                Frame answer = channel.exchange(request, command, timeoutMillis);
                if (answer.length() < 3) {
                    throw new DeviceException(Kind.LENGTH, command + " answer has no status bytes");
                }
                // the module saw our frame damaged: send it again like any line error
                if (answer.sw3() == StatusCode.CHECKSUM_ERROR.code() || answer.sw3() == StatusCode.LENGTH_ERROR.code()) {
                    throw StatusCode.failureFor(answer.sw3(), command);
                }
                return answer;
            } catch (DeviceException e) {
                if (!RETRYABLE.contains(e.kind())) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    private static void expectOk(Command command, Frame answer) throws DeviceException {
        if (answer.sw3() != StatusCode.OK.code()) {
            throw StatusCode.failureFor(answer.sw3(), command);
        }
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }
}
