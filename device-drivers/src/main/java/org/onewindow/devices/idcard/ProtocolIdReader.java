package org.onewindow.devices.idcard;

import java.time.LocalDate;
import java.util.Optional;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.DeviceException.Kind;
import org.onewindow.core.device.IdReader;
import org.onewindow.core.identity.IdCard;
import org.onewindow.core.privacy.Masking;
import org.onewindow.devices.idcard.link.ByteLink;
import org.onewindow.devices.idcard.link.SerialPortLink;
import org.onewindow.devices.idcard.photo.PhotoDecoder;
import org.onewindow.devices.idcard.protocol.BaudRate;
import org.onewindow.devices.idcard.protocol.CardData;
import org.onewindow.devices.idcard.protocol.FrameChannel;
import org.onewindow.devices.idcard.protocol.ReaderCommands;
import org.onewindow.devices.idcard.text.IdCardText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pure-Java reader: the session layer over {@link ReaderCommands}. Opens its link lazily and again
 * after the device was lost (hot-plug: unplug and replug, the next call reconnects), finds, selects and
 * reads the card, decodes its text, and asks the photo plug-in for the image. Thread-safe; calls block
 * on I/O, so keep them off the UI thread.
 */
public final class ProtocolIdReader implements IdReader {
    private static final Logger LOG = LoggerFactory.getLogger(ProtocolIdReader.class);

    /** Opens the link to the module; called again after the link was lost. */
    @FunctionalInterface
    public interface LinkOpener {
        ByteLink open() throws DeviceException;
    }

    private final String name;
    private final LinkOpener opener;
    private final ReaderSettings settings;
    private final PhotoDecoder photoDecoder;
    private ByteLink link;
    private ReaderCommands commands;
    private final CardPresentation presentation = new CardPresentation();
    private int totalRetries;
    private long previousBytesOnWire;
    private boolean closed;

    public ProtocolIdReader(String name, LinkOpener opener, ReaderSettings settings, PhotoDecoder photoDecoder) {
        this.name = name;
        this.opener = opener;
        this.settings = settings;
        this.photoDecoder = photoDecoder;
    }

    /** A reader on a serial port ("/dev/ttyUSB0", "COM3"), default settings, no photo decoder. */
    public static ProtocolIdReader serial(String path, int baud) {
        return serial(path, baud, ReaderSettings.defaults(),
                PhotoDecoder.notInstalled("no decoder library configured"));
    }

    public static ProtocolIdReader serial(String path, int baud, ReaderSettings settings, PhotoDecoder decoder) {
        return new ProtocolIdReader("serial " + path + " @" + baud, () -> SerialPortLink.open(path, baud), settings,
                decoder);
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * True once per presentation: when the module finds a card this reader has not announced yet. The
     * module itself stops finding a card once it was read, until it leaves the field.
     */
    @Override
    public synchronized boolean pollForNewCard() throws DeviceException {
        return presentation.poll(run(ReaderCommands::findCard));
    }

    /**
     * Finds (unless {@link #pollForNewCard()} just did), selects and reads the card. When the read fails
     * with the card still in the field, that presentation counts as used, as with real modules: the clerk
     * lifts the card and places it again, and the watcher does not hammer a bad card every poll.
     */
    @Override
    public synchronized IdCard read() throws DeviceException {
        boolean announced = presentation.takeForRead();
        boolean[] cardInField = {false};
        try {
            CardData data = run(c -> {
                if (!announced && !c.findCard()) {
                    throw new DeviceException(Kind.NO_CARD,
                            "No card on the reader. Place the ID card flat on the reader.");
                }
                cardInField[0] = true;
                try {
                    c.selectCard();
                    return c.readTextAndPhoto();
                } catch (DeviceException e) {
                    if (e.kind() == Kind.READ_FAILED && !stillInField(c)) {
                        cardInField[0] = false;
                        throw new DeviceException(Kind.CARD_REMOVED, "The card was taken away during the read. "
                                + "Place it on the reader again and hold it still.", e);
                    }
                    throw e;
                }
            });
            IdCard card = IdCardText.decode(data.text(), data.photoWlt());
            checkNumber(card);
            card = withDecodedPhoto(card);
            LOG.info("{}: read {} card {}", name, card.type(), Masking.idNumber(card.idNumber()));
            return card;
        } catch (DeviceException e) {
            // a link that was just lost starts afresh on reconnect; otherwise the presentation is used up
            presentation.usedUp(cardInField[0] && commands != null);
            throw e;
        }
    }

    /** After a failed read: is the card still there? If the probe itself fails, assume it is. */
    private static boolean stillInField(ReaderCommands commands) {
        try {
            return commands.findCard();
        } catch (DeviceException probeFailed) {
            return true;
        }
    }

    /** The added (changed) address stored on a resident card, if any. Call right after {@link #read()}. */
    public synchronized Optional<String> readAddedAddress() throws DeviceException {
        return run(ReaderCommands::readAddedAddress).map(IdCardText::decodeAddedAddress);
    }

    @Override
    public synchronized String samId() throws DeviceException {
        return run(ReaderCommands::samId);
    }

    /**
     * The diagnostics self-test: the module reports ready (11 FF) and gives its ID (12 FF). Returns the
     * SAM ID; fails with the module's typed error otherwise.
     */
    public synchronized String selfTest() throws DeviceException {
        return run(c -> {
            c.samStatus();
            return c.samId();
        });
    }

    /**
     * Moves the module and this port to another line rate (command 60 xx): the module answers at the old
     * rate, then both switch. Slower rates help on long or noisy cables.
     */
    public synchronized void switchBaudRate(BaudRate rate) throws DeviceException {
        run(c -> {
            c.setBaudRate(rate);
            c.channel().link().setBaudRate(rate.bitsPerSecond());
            return null;
        });
    }

    /** Line-damage retries spent so far (diagnostics; tests check that a fault was survived, not avoided). */
    public synchronized int retriesUsed() {
        return totalRetries + (commands == null ? 0 : commands.retriesUsed());
    }

    /** Bytes sent plus received since this reader was made: the benchmark's wire-time floor is computed from it. */
    public synchronized long bytesOnWire() {
        return previousBytesOnWire + (commands == null ? 0
                : commands.channel().bytesSent() + commands.channel().bytesReceived());
    }

    public PhotoDecoder photoDecoder() {
        return photoDecoder;
    }

    @Override
    public synchronized void close() {
        closed = true;
        dropLink();
    }

    @FunctionalInterface
    private interface Step<T> {
        T apply(ReaderCommands commands) throws DeviceException;
    }

    private <T> T run(Step<T> step) throws DeviceException {
        if (closed) {
            throw new DeviceException(Kind.NOT_CONNECTED, name + " is closed");
        }
        if (commands == null) {
            connect();
        }
        try {
            return step.apply(commands);
        } catch (DeviceException e) {
            if (e.kind() == Kind.IO) {
                LOG.warn("{}: link lost, will reopen on the next call: {}", name, e.getMessage());
                dropLink();
            }
            throw e;
        }
    }

    private void connect() throws DeviceException {
        ByteLink opened = opener.open();
        link = opened;
        commands = new ReaderCommands(new FrameChannel(opened, settings.lineIdleMillis()),
                settings.commandTimeoutMillis(), settings.cardReadTimeoutMillis(opened.baudRate()), settings.retries());
        presentation.reset();
        LOG.info("{}: connected ({})", name, opened.describe());
    }

    private void dropLink() {
        if (commands != null) {
            totalRetries += commands.retriesUsed();
            previousBytesOnWire += commands.channel().bytesSent() + commands.channel().bytesReceived();
        }
        commands = null;
        if (link != null) {
            link.close();
            link = null;
        }
    }

    private void checkNumber(IdCard card) throws DeviceException {
        if (settings.checkIdNumbers()) {
            IdCardChecks.checkNumber(card, LocalDate.now());
        }
    }

    private IdCard withDecodedPhoto(IdCard card) {
        if (!photoDecoder.isInstalled() || card.photoWlt() == null) {
            return card;
        }
        try {
            return card.withPhotoImage(photoDecoder.decode(card.photoWlt()));
        } catch (DeviceException e) {
            // the text is good: hand it over; the client shows the photo as unavailable
            LOG.warn("{}: photo not decoded: {}", name, e.getMessage());
            return card;
        }
    }
}
