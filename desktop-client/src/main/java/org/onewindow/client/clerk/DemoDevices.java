package org.onewindow.client.clerk;

import java.util.List;
import org.onewindow.core.identity.IdCard;

/** The demo's hands: place a demo card on the simulated reader or take it away. */
public interface DemoDevices {
    List<IdCard> cards();

    void present(IdCard card);

    void remove();

    /** The citizen holds an offline e-license QR code of {@code holder} up to the desk camera. */
    default void showCode(IdCard holder) {
    }
}
