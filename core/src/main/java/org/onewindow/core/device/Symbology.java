package org.onewindow.core.device;

/** Barcode symbologies the hall meets. */
public enum Symbology {
    QR_CODE, DATA_MATRIX, PDF_417, AZTEC, CODE_128, OTHER, UNKNOWN
}
