package org.onewindow.devices.document;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Finds a paper page in a document-camera frame and warps it to an upright rectangle: grey, Gaussian blur,
 * Canny edges (dilated to close gaps), then the largest convex four-corner contour covering at least
 * {@link #MIN_SHARE} of the frame; its corners are ordered and perspective-warped. Without such a quad the whole
 * frame is returned unchanged with {@code cropped == false}. Limits: needs a page that contrasts with the desk and
 * whose four corners are in view; it does not correct a curled page or tell which way up the text is.
 */
public final class PageDetector {
    /** The page must cover at least this share of the frame. */
    public static final double MIN_SHARE = 0.10;

    static {
        nu.pattern.OpenCV.loadLocally();
    }

    /** The outcome: the page image, whether it was cut out, and the skew of its top edge in the frame. */
    public record Result(BufferedImage page, boolean cropped, double skewDegrees) {
    }

    public Result detect(BufferedImage frame) {
        int w = frame.getWidth();
        int h = frame.getHeight();
        Mat rgb = toMat(frame);
        Mat grey = new Mat();
        Imgproc.cvtColor(rgb, grey, Imgproc.COLOR_RGB2GRAY);
        Imgproc.GaussianBlur(grey, grey, new Size(5, 5), 0);
        Mat edges = new Mat();
        Imgproc.Canny(grey, edges, 50, 150);
        Imgproc.dilate(edges, edges, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(3, 3)));
        List<MatOfPoint> contours = new ArrayList<>();
        Imgproc.findContours(edges, contours, new Mat(), Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_SIMPLE);
        Point[] best = null;
        double bestArea = MIN_SHARE * w * h;
        for (MatOfPoint c : contours) {
            MatOfPoint2f c2 = new MatOfPoint2f(c.toArray());
            double perimeter = Imgproc.arcLength(c2, true);
            MatOfPoint2f approx = new MatOfPoint2f();
            Imgproc.approxPolyDP(c2, approx, 0.02 * perimeter, true);
            Point[] pts = approx.toArray();
            if (pts.length != 4 || !Imgproc.isContourConvex(new MatOfPoint(pts))) {
                continue;
            }
            double area = Math.abs(Imgproc.contourArea(approx));
            if (area > bestArea && area < 0.98 * w * h) {
                bestArea = area;
                best = pts;
            }
        }
        if (best == null) {
            return new Result(frame, false, 0);
        }
        Point[] q = order(best); // top-left, top-right, bottom-right, bottom-left
        double outW = Math.max(dist(q[0], q[1]), dist(q[3], q[2]));
        double outH = Math.max(dist(q[0], q[3]), dist(q[1], q[2]));
        int ow = (int) Math.round(outW);
        int oh = (int) Math.round(outH);
        Mat src = new MatOfPoint2f(q);
        Mat dst = new MatOfPoint2f(new Point(0, 0), new Point(ow - 1, 0), new Point(ow - 1, oh - 1),
                new Point(0, oh - 1));
        Mat m = Imgproc.getPerspectiveTransform(src, dst);
        Mat warped = new Mat();
        Imgproc.warpPerspective(rgb, warped, m, new Size(ow, oh), Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
        double skew = Math.toDegrees(Math.atan2(q[1].y - q[0].y, q[1].x - q[0].x));
        return new Result(toImage(warped), true, skew);
    }

    /** Orders four corners: top-left (smallest x+y), top-right (smallest y-x), bottom-right, bottom-left. */
    static Point[] order(Point[] p) {
        Point tl = p[0], br = p[0], tr = p[0], bl = p[0];
        for (Point x : p) {
            if (x.x + x.y < tl.x + tl.y) tl = x;
            if (x.x + x.y > br.x + br.y) br = x;
            if (x.y - x.x < tr.y - tr.x) tr = x;
            if (x.y - x.x > bl.y - bl.x) bl = x;
        }
        return new Point[] {tl, tr, br, bl};
    }

    private static double dist(Point a, Point b) {
        return Math.hypot(a.x - b.x, a.y - b.y);
    }

    private static Mat toMat(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[] bytes = new byte[w * h * 3];
        for (int i = 0; i < argb.length; i++) {
            bytes[3 * i] = (byte) (argb[i] >> 16);
            bytes[3 * i + 1] = (byte) (argb[i] >> 8);
            bytes[3 * i + 2] = (byte) argb[i];
        }
        Mat m = new Mat(h, w, CvType.CV_8UC3);
        m.put(0, 0, bytes);
        return m;
    }

    private static BufferedImage toImage(Mat m) {
        int w = m.cols();
        int h = m.rows();
        byte[] bytes = new byte[w * h * 3];
        m.get(0, 0, bytes);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < dst.length; i++) {
            dst[i] = (bytes[3 * i] & 0xFF) << 16 | (bytes[3 * i + 1] & 0xFF) << 8 | (bytes[3 * i + 2] & 0xFF);
        }
        return out;
    }
}
