package org.onewindow.core.queue;

/** Whether a window takes tickets. A paused window keeps its current ticket but calls no new one. */
public enum WindowStatus {
    OPEN,
    PAUSED
}
