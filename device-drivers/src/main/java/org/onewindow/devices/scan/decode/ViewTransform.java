package org.onewindow.devices.scan.decode;

/**
 * Maps a point of a derived view (crop, scaled, turned) back to the source image: an affine map
 * {@code x = a*vx + b*vy + c, y = d*vx + e*vy + f}.
 */
record ViewTransform(double a, double b, double c, double d, double e, double f) {

    static final ViewTransform IDENTITY = new ViewTransform(1, 0, 0, 0, 1, 0);

    /** A view that is the source cropped at (x0, y0) and then scaled by {@code scale}. */
    static ViewTransform cropAndScale(double x0, double y0, double scale) {
        return new ViewTransform(1 / scale, 0, x0, 0, 1 / scale, y0);
    }

    /** First {@code inner} (view to intermediate), then this (intermediate to source). */
    ViewTransform after(ViewTransform inner) {
        return new ViewTransform(
                a * inner.a + b * inner.d, a * inner.b + b * inner.e, a * inner.c + b * inner.f + c,
                d * inner.a + e * inner.d, d * inner.b + e * inner.e, d * inner.c + e * inner.f + f);
    }

    CodePoint apply(float x, float y) {
        return new CodePoint((float) (a * x + b * y + c), (float) (d * x + e * y + f));
    }
}
