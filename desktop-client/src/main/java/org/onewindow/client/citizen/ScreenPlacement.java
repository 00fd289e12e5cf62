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

    /**
     * A window of at most {@code width} x {@code height}, and at most 40 % x 45 % of the screen so the clerk's
     * window stays usable, in the bottom-right corner of {@code screen}.
     */
    public static Rectangle2D cornerWindow(Rectangle2D screen, double width, double height) {
        double w = Math.min(width, screen.getWidth() * 0.4);
        double h = Math.min(height, screen.getHeight() * 0.45);
        return new Rectangle2D(screen.getMaxX() - w - 16, screen.getMaxY() - h - 16, w, h);
    }
}
