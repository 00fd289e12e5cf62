package org.onewindow.devices.idcard.sim;

import java.util.Objects;
import org.onewindow.core.identity.IdCard;

/**
 * The reader's field as the demo and the tests control it: present a card, take it away. Tracks the
 * card the way a security module does: found, selected, read; once read, the card is not found again
 * until it leaves the field and comes back.
 */
public final class SimulatedCardSlot {

    /** Where the card in the field stands with the module. */
    public enum State { EMPTY, PRESENTED, SELECTED, READ }

    private IdCard card;
    private String addedAddress;
    private State state = State.EMPTY;
    private long presentations;

    /** A slot with nothing on the reader. */
    public SimulatedCardSlot() {
    }

    /** A slot with {@code card} already on the reader. */
    public SimulatedCardSlot(IdCard card) {
        present(card);
    }

    /** Puts a card on the reader (a new presentation even if the same card was there). */
    public synchronized void present(IdCard card) {
        present(card, null);
    }

    /** Puts a card whose chip also carries an added (changed) address, as command 30 03 returns it. */
    public synchronized void present(IdCard card, String addedAddress) {
        this.card = Objects.requireNonNull(card, "card");
        this.addedAddress = addedAddress;
        this.state = State.PRESENTED;
        presentations++;
        notifyAll();
    }

    /** Takes the card away. */
    public synchronized void remove() {
        card = null;
        addedAddress = null;
        state = State.EMPTY;
        notifyAll();
    }

    public synchronized IdCard card() {
        return card;
    }

    public synchronized String addedAddress() {
        return addedAddress;
    }

    public synchronized State state() {
        return state;
    }

    public synchronized long presentations() {
        return presentations;
    }

    synchronized boolean find() {
        if (state == State.PRESENTED || state == State.SELECTED) {
            return true;
        }
        return false;
    }

    synchronized boolean select() {
        if (state == State.PRESENTED || state == State.SELECTED) {
            state = State.SELECTED;
            return true;
        }
        return false;
    }

    /** The card if it may be read now (selected, or read and still in the field), else null. */
    synchronized IdCard readableCard() {
        return state == State.SELECTED || state == State.READ ? card : null;
    }

    /** The module has delivered the card: it is not found again until it leaves the field. */
    synchronized void markRead(IdCard delivered) {
        if (card == delivered && (state == State.SELECTED || state == State.READ)) {
            state = State.READ;
        }
    }

    synchronized boolean isSelectedOrRead() {
        return state == State.SELECTED || state == State.READ;
    }
}
