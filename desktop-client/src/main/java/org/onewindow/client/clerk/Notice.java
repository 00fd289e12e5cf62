package org.onewindow.client.clerk;

/** A short message for a toast: what happened, in the clerk's language. */
public record Notice(Level level, String text) {
    public enum Level { INFO, SUCCESS, WARNING, ERROR }
}
