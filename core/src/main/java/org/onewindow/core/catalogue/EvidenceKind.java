package org.onewindow.core.catalogue;

/** The kinds of evidence that can satisfy a required material. */
public enum EvidenceKind {
    /** An electronic license (电子证照) of a given type, presented as a QR code or fetched by number. */
    E_LICENSE,
    /** A look-up in another department's data through the data-sharing platform (数据共享). */
    DATA_SHARE,
    /** A page captured with the document camera. */
    SCANNED_PAGE,
    /** The resident ID card itself, read by the card reader. */
    ID_CARD
}
