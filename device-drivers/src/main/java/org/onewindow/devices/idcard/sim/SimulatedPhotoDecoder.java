package org.onewindow.devices.idcard.sim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.onewindow.core.device.DeviceException;
import org.onewindow.devices.idcard.photo.PhotoDecoder;

/**
 * The demo's photo "decoder": turns the simulator's stand-in WLT blocks ({@link SimulatedPhotos}) into a
 * 102 x 126, 24-bit BMP portrait silhouette, colours taken from the block, so each demo card shows its
 * own stable picture. It decodes nothing real and refuses any other block.
 */
public final class SimulatedPhotoDecoder implements PhotoDecoder {
    static final int WIDTH = 102;
    static final int HEIGHT = 126;
    private static final int ROW = (WIDTH * 3 + 3) & ~3;

    @Override
    public boolean isInstalled() {
        return true;
    }

    @Override
    public String describe() {
        return "simulated portraits (demo only, not a WLT decoder)";
    }

    @Override
    public byte[] decode(byte[] wlt) throws DeviceException {
        if (wlt == null || wlt.length != SimulatedPhotos.LENGTH || wlt[0] != 'W' || wlt[1] != 'L' || wlt[2] != 'f') {
            throw new DeviceException(DeviceException.Kind.READ_FAILED,
                    "not a simulated photo block (the demo decoder only draws the simulator's own photos)");
        }
        int background = 0xC8D8E8 ^ ((wlt[4] & 0x1F) << 16 | (wlt[5] & 0x1F) << 8 | (wlt[6] & 0x1F));
        int skin = 0xE0B090 ^ ((wlt[7] & 0x0F) << 16 | (wlt[8] & 0x0F) << 8 | (wlt[9] & 0x0F));
        int clothes = 0x203050 ^ ((wlt[10] & 0x3F) << 16 | (wlt[11] & 0x3F) << 8 | (wlt[12] & 0x3F));
        ByteBuffer bmp = ByteBuffer.allocate(54 + ROW * HEIGHT).order(ByteOrder.LITTLE_ENDIAN);
        bmp.put((byte) 'B').put((byte) 'M').putInt(54 + ROW * HEIGHT).putInt(0).putInt(54)
                .putInt(40).putInt(WIDTH).putInt(HEIGHT).putShort((short) 1).putShort((short) 24).putInt(0)
                .putInt(ROW * HEIGHT).putInt(2835).putInt(2835).putInt(0).putInt(0);
        for (int row = 0; row < HEIGHT; row++) {
            int y = HEIGHT - 1 - row; // BMP rows run bottom-up
            for (int x = 0; x < WIDTH; x++) {
                int colour = background;
                double headX = (x - 51) / 22.0;
                double headY = (y - 50) / 27.0;
                double shoulderX = (x - 51) / 46.0;
                double shoulderY = (y - 126) / 40.0;
                if (shoulderX * shoulderX + shoulderY * shoulderY <= 1) {
                    colour = clothes;
                } else if (headX * headX + headY * headY <= 1) {
                    colour = skin;
                }
                bmp.put((byte) colour).put((byte) (colour >> 8)).put((byte) (colour >> 16));
            }
            for (int pad = WIDTH * 3; pad < ROW; pad++) {
                bmp.put((byte) 0);
            }
        }
        return bmp.array();
    }
}
