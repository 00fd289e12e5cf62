package org.onewindow.devices.idcard;

/**
 * One card presentation as a reader driver tracks it: a poll announces a card once, until the card leaves
 * the field; a read takes the presentation (so it does not find the card again). Not thread-safe: the
 * drivers call it under their own lock.
 */
public final class CardPresentation {
    private boolean announced;

    /** After a find: true only for the first poll that finds this card. */
    public boolean poll(boolean found) {
        if (!found) {
            announced = false;
            return false;
        }
        if (announced) {
            return false;
        }
        announced = true;
        return true;
    }

    /** A read starts: whether a poll announced the card (then it need not be found again). */
    public boolean takeForRead() {
        boolean was = announced;
        announced = false;
        return was;
    }

    /** A failed read with the card still in the field uses the presentation up: no new announcement for it. */
    public void usedUp(boolean cardStillInField) {
        announced = cardStillInField;
    }

    /** A new link (reconnect): nothing announced yet. */
    public void reset() {
        announced = false;
    }
}
