package org.onewindow.core.evidence;

/** The local store could not make a package durable (disk full, I/O error, corrupt database). */
public class EvidenceStoreException extends Exception {
    public enum Kind { DISK_FULL, IO, CORRUPT, CRYPTO }

    private final Kind kind;

    public EvidenceStoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return "store.error." + kind.name();
    }
}
