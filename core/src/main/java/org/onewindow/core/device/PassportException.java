package org.onewindow.core.device;

/**
 * A chip-document read that failed, with the passport-specific reason. Each reason maps onto a shared
 * {@link DeviceException.Kind} so that the client's error texts apply unchanged.
 */
public class PassportException extends DeviceException {

    public enum Reason {
        /** No PC/SC service, or no reader (or not the one asked for). */
        NO_READER(Kind.NOT_CONNECTED),
        /** A reader but no chip in its field, or the chip left during the read. */
        NO_CARD(Kind.NO_CARD),
        /** The chip refused Basic Access Control: the MRZ does not belong to this document. */
        BAC_REFUSED(Kind.AUTHENTICATION),
        /** The chip is not an eMRTD, or a file could not be read or parsed. */
        READ_FAILED(Kind.READ_FAILED),
        /** Passive authentication failed: a data group hash, the SOD signature or the CSCA chain. */
        PA_FAILED(Kind.CHECKSUM);

        private final Kind kind;

        Reason(Kind kind) {
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }

    private final Reason reason;

    public PassportException(Reason reason, String message) {
        super(reason.kind(), message);
        this.reason = reason;
    }

    public PassportException(Reason reason, String message, Throwable cause) {
        super(reason.kind(), message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
