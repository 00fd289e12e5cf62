package org.onewindow.core.face;

/** A face (or eye) found in a frame, in pixels of that frame. */
public record FaceBox(int x, int y, int width, int height) {
    public FaceBox {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("empty box");
        }
    }

    public double centreX() {
        return x + width / 2.0;
    }

    public double centreY() {
        return y + height / 2.0;
    }

    public int area() {
        return width * height;
    }

    /** This box grown by {@code factor} around its centre and clipped to {@code w x h}. */
    public FaceBox grown(double factor, int w, int h) {
        int nw = (int) Math.round(width * factor);
        int nh = (int) Math.round(height * factor);
        int nx = Math.max(0, (int) Math.round(centreX() - nw / 2.0));
        int ny = Math.max(0, (int) Math.round(centreY() - nh / 2.0));
        return new FaceBox(nx, ny, Math.max(1, Math.min(nw, w - nx)), Math.max(1, Math.min(nh, h - ny)));
    }
}
