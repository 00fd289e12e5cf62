package org.onewindow.core.supervisor;

import java.time.Instant;

/** How many tickets waited in the whole hall at one moment (the last change of a minute). */
public record WaitingSample(Instant at, int waiting) {
}
