package org.onewindow.devices.scan.decode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds where 2D codes may be: a code is a patch that swings between dark and light often in both
 * directions. In each 16x16 tile a swing counts when a pixel crosses the tile mean by more than a quarter
 * of the tile's range (at least 4 grey levels), so a code of 16 grey levels of contrast still shows while
 * sensor noise and gradients do not. Busy tiles are grouped (8-neighbours) into padded boxes, biggest first.
 */
final class RegionProposer {

    /** A padded box to decode in, around a core: the bounding box of its busy tiles. */
    record Region(int x, int y, int width, int height, int tiles, int coreX, int coreY, int coreWidth, int coreHeight) {
        Region scaled(int factor) {
            return new Region(x * factor, y * factor, width * factor, height * factor, tiles * factor * factor,
                    coreX * factor, coreY * factor, coreWidth * factor, coreHeight * factor);
        }
    }

    static final int TILE = 16;
    private static final int MIN_TRANSITIONS = 5; // on 8 sampled rows (columns) of 16
    private static final int MIN_TILES = 3;
    private static final int MIN_RANGE = 14;
    private static final int MAX_ASPECT = 5;
    private static final double MIN_FILL = 0.4;
    private static final int BIG_BLOB_TILES = 40;
    private static final int PAD_TILES = 2;

    private RegionProposer() {
    }

    /**
     * Regions at the image's scale (small modules) and at half scale (modules of 8 px and more, which swing
     * too rarely inside one tile), merged where they overlap, biggest first.
     */
    static List<Region> proposeTwoScales(GrayImage image, int maxRegions) {
        List<Region> all = new ArrayList<>(propose(image, maxRegions, 1));
        all.addAll(propose(image, maxRegions, 2));
        List<Region> merged = new ArrayList<>();
        for (Region r : all) {
            boolean absorbed = false;
            for (int i = 0; i < merged.size(); i++) {
                Region m = merged.get(i);
                if (overlap(m, r) > 0.5 * Math.min(area(m), area(r))) {
                    int x0 = Math.min(m.x(), r.x());
                    int y0 = Math.min(m.y(), r.y());
                    int x1 = Math.max(m.x() + m.width(), r.x() + r.width());
                    int y1 = Math.max(m.y() + m.height(), r.y() + r.height());
                    int cx0 = Math.min(m.coreX(), r.coreX());
                    int cy0 = Math.min(m.coreY(), r.coreY());
                    int cx1 = Math.max(m.coreX() + m.coreWidth(), r.coreX() + r.coreWidth());
                    int cy1 = Math.max(m.coreY() + m.coreHeight(), r.coreY() + r.coreHeight());
                    merged.set(i, new Region(x0, y0, x1 - x0, y1 - y0, Math.max(m.tiles(), r.tiles()),
                            cx0, cy0, cx1 - cx0, cy1 - cy0));
                    absorbed = true;
                    break;
                }
            }
            if (!absorbed) {
                merged.add(r);
            }
        }
        merged.sort(Comparator.comparingInt(Region::tiles).reversed());
        return merged.size() > maxRegions ? List.copyOf(merged.subList(0, maxRegions)) : merged;
    }

    private static double area(Region r) {
        return (double) r.width() * r.height();
    }

    private static double overlap(Region a, Region b) {
        double w = Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x());
        double h = Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y());
        return w > 0 && h > 0 ? w * h : 0;
    }

    /** Tiles of {@code TILE * step} pixels, looking at every {@code step}-th pixel: step 2 sees large modules. */
    static List<Region> propose(GrayImage image, int maxRegions, int step) {
        int tile = TILE * step;
        int tilesX = image.width() / tile;
        int tilesY = image.height() / tile;
        if (tilesX == 0 || tilesY == 0) {
            return List.of();
        }
        boolean[] busy = new boolean[tilesX * tilesY];
        for (int ty = 0; ty < tilesY; ty++) {
            for (int tx = 0; tx < tilesX; tx++) {
                busy[ty * tilesX + tx] = isBusy(image, tx * tile, ty * tile, step);
            }
        }
        List<Region> regions = new ArrayList<>();
        int[] stack = new int[busy.length];
        boolean[] seen = new boolean[busy.length];
        for (int start = 0; start < busy.length; start++) {
            if (!busy[start] || seen[start]) {
                continue;
            }
            int minX = Integer.MAX_VALUE;
            int minY = Integer.MAX_VALUE;
            int maxX = -1;
            int maxY = -1;
            int count = 0;
            int top = 0;
            stack[top++] = start;
            seen[start] = true;
            while (top > 0) {
                int t = stack[--top];
                int tx = t % tilesX;
                int ty = t / tilesX;
                count++;
                minX = Math.min(minX, tx);
                maxX = Math.max(maxX, tx);
                minY = Math.min(minY, ty);
                maxY = Math.max(maxY, ty);
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = tx + dx;
                        int ny = ty + dy;
                        if (nx >= 0 && ny >= 0 && nx < tilesX && ny < tilesY) {
                            int n = ny * tilesX + nx;
                            if (busy[n] && !seen[n]) {
                                seen[n] = true;
                                stack[top++] = n;
                            }
                        }
                    }
                }
            }
            int spanX = maxX - minX + 1;
            int spanY = maxY - minY + 1;
            // codes are compact blocks; a line of print is one or two tiles high and long. Big blobs stay in
            // whatever their shape: a code that touches print nearby merges with it
            boolean codeShaped = count >= BIG_BLOB_TILES || Math.min(spanX, spanY) >= 2
                    && Math.max(spanX, spanY) <= MAX_ASPECT * Math.min(spanX, spanY) && count >= MIN_FILL * spanX * spanY;
            if (count >= MIN_TILES && codeShaped) {
                int x0 = Math.max(0, (minX - PAD_TILES) * tile);
                int y0 = Math.max(0, (minY - PAD_TILES) * tile);
                int x1 = Math.min(image.width(), (maxX + 1 + PAD_TILES) * tile);
                int y1 = Math.min(image.height(), (maxY + 1 + PAD_TILES) * tile);
                regions.add(new Region(x0, y0, x1 - x0, y1 - y0, count * step * step, minX * tile, minY * tile,
                        spanX * tile, spanY * tile));
            }
        }
        regions.sort(Comparator.comparingInt(Region::tiles).reversed());
        return regions.size() > maxRegions ? List.copyOf(regions.subList(0, maxRegions)) : regions;
    }

    /**
     * Looks at a tile of 16 samples square ({@code step} pixels apart): its range and mean from every other
     * sample, then swings along every other sample row and column. About a third of the pixel reads of a
     * full scan, which matters because this runs on every frame.
     */
    private static boolean isBusy(GrayImage image, int x0, int y0, int step) {
        byte[] px = image.pixelsUnsafe();
        int width = image.width();
        int min = 255;
        int max = 0;
        int sum = 0;
        int n = 0;
        for (int j = 0; j < TILE; j += 2) {
            int row = (y0 + j * step) * width + x0;
            for (int i = 0; i < TILE; i += 2) {
                int v = px[row + i * step] & 0xFF;
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
                n++;
            }
        }
        if (max - min < MIN_RANGE) {
            return false;
        }
        int mean = sum / n;
        int hysteresis = Math.max(4, (max - min) / 4);
        int high = mean + hysteresis;
        int low = mean - hysteresis;
        int across = 0;
        for (int j = 0; j < TILE; j += 2) {
            int row = (y0 + j * step) * width + x0;
            int state = 0;
            for (int i = 0; i < TILE; i++) {
                int v = px[row + i * step] & 0xFF;
                int s = v > high ? 1 : v < low ? -1 : 0;
                if (s != 0 && s != state) {
                    if (state != 0) {
                        across++;
                    }
                    state = s;
                }
            }
        }
        if (across < MIN_TRANSITIONS) {
            return false;
        }
        int down = 0;
        for (int i = 0; i < TILE; i += 2) {
            int column = y0 * width + x0 + i * step;
            int state = 0;
            for (int j = 0; j < TILE; j++) {
                int v = px[column + j * step * width] & 0xFF;
                int s = v > high ? 1 : v < low ? -1 : 0;
                if (s != 0 && s != state) {
                    if (state != 0) {
                        down++;
                    }
                    state = s;
                }
            }
        }
        return down >= MIN_TRANSITIONS;
    }
}
