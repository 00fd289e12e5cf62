package org.onewindow.core.device;

/**
 * A reader of ICAO 9303 chip documents (eMRTD: passports, travel documents with a chip). Calls block on device
 * I/O: never call them on the UI thread. Implementation: the JMRTD driver over PC/SC in device-drivers.
 */
public interface PassportReader {

    /**
     * Opens the chip with Basic Access Control, reads EF.COM, EF.SOD, DG1 and DG2 and checks them by passive
     * authentication.
     *
     * @param access the three MRZ fields that make the BAC key
     * @throws PassportException with a typed {@link PassportException.Reason}; a failed passive authentication
     *         is an exception, never a quietly returned record
     */
    PassportData read(MrzAccessKey access) throws PassportException;

    /** A human-readable name for diagnostics ("PC/SC Virtual PCD 00 00"). */
    String name();
}
