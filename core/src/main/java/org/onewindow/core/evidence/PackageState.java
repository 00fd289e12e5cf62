package org.onewindow.core.evidence;

/** Where one package stands. */
public enum PackageState {
    /** Durable on this workstation ("archived locally"), waiting to sync. */
    PENDING,
    /** The archive returned a receipt ("archived"). */
    ARCHIVED,
    /** The archive rejected it; IT must look. */
    BLOCKED
}
