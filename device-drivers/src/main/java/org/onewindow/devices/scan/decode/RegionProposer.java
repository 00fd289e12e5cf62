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

    record Region(int x, int y, int width, int height, int tiles) {
        boolean contains(CodePoint p) {
            return p.x() >= x && p.x() < x + width && p.y() >= y && p.y() < y + height;
        }
    }

    static final int TILE = 16;
    private static final int MIN_TRANSITIONS = 10;
    private static final int MIN_TILES = 3;
    private static final int MIN_RANGE = 14;
    private static final int PAD_TILES = 2;

    private RegionProposer() {
    }

    /**
     * Regions at the image's scale (small modules) and at half scale (modules of 8 px and more, which swing
     * too rarely inside one tile), merged where they overlap, biggest first.
     */
    static List<Region> proposeTwoScales(GrayImage image, int maxRegions) {
        List<Region> all = new ArrayList<>(propose(image, maxRegions));
        for (Region r : propose(image.downscale(2), maxRegions)) {
            all.add(new Region(r.x() * 2, r.y() * 2, r.width() * 2, r.height() * 2, r.tiles() * 4));
        }
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
                    merged.set(i, new Region(x0, y0, x1 - x0, y1 - y0, Math.max(m.tiles(), r.tiles())));
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

    static List<Region> propose(GrayImage image, int maxRegions) {
        int tilesX = image.width() / TILE;
        int tilesY = image.height() / TILE;
        if (tilesX == 0 || tilesY == 0) {
            return List.of();
        }
        boolean[] busy = new boolean[tilesX * tilesY];
        for (int ty = 0; ty < tilesY; ty++) {
            for (int tx = 0; tx < tilesX; tx++) {
                busy[ty * tilesX + tx] = isBusy(image, tx * TILE, ty * TILE);
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
            if (count >= MIN_TILES) {
                int x0 = Math.max(0, (minX - PAD_TILES) * TILE);
                int y0 = Math.max(0, (minY - PAD_TILES) * TILE);
                int x1 = Math.min(image.width(), (maxX + 1 + PAD_TILES) * TILE);
                int y1 = Math.min(image.height(), (maxY + 1 + PAD_TILES) * TILE);
                regions.add(new Region(x0, y0, x1 - x0, y1 - y0, count));
            }
        }
        regions.sort(Comparator.comparingInt(Region::tiles).reversed());
        return regions.size() > maxRegions ? List.copyOf(regions.subList(0, maxRegions)) : regions;
    }

    private static boolean isBusy(GrayImage image, int x0, int y0) {
        int min = 255;
        int max = 0;
        int sum = 0;
        for (int y = y0; y < y0 + TILE; y++) {
            for (int x = x0; x < x0 + TILE; x++) {
                int v = image.at(x, y);
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
        }
        if (max - min < MIN_RANGE) {
            return false;
        }
        int mean = sum / (TILE * TILE);
        int hysteresis = Math.max(4, (max - min) / 4);
        int high = mean + hysteresis;
        int low = mean - hysteresis;
        int across = 0;
        for (int y = y0; y < y0 + TILE; y++) {
            int state = 0;
            for (int x = x0; x < x0 + TILE; x++) {
                int v = image.at(x, y);
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
        for (int x = x0; x < x0 + TILE; x++) {
            int state = 0;
            for (int y = y0; y < y0 + TILE; y++) {
                int v = image.at(x, y);
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
