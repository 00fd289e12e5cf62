package org.onewindow.client.citizen;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;

/** Where the citizen display goes: the first screen that is not the clerk's, if there is one. */
public final class ScreenPlacement {
    private ScreenPlacement() {
    }

    /** The bounds of the citizen's screen among {@code screens}, or empty when the clerk's is the only one. */
    public static Optional<Rectangle2D> citizenScreen(List<Rectangle2D> screens, Rectangle2D clerkScreen) {
        return screens.stream().filter(s -> !s.equals(clerkScreen)).findFirst();
    }
}
