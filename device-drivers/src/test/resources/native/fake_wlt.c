/* A stand-in for a licensed WLT decoder with the common entry point; built by the tests with gcc.
 * Accepts blocks that start with "WLf" (as the simulator's do) and paints a 102 x 126 BMP from the bytes. */
#include <string.h>

#define W 102
#define H 126
#define ROW 308 /* 102 * 3 padded to a multiple of 4 */

static void put32(unsigned char *p, unsigned int v) {
    p[0] = v & 0xFF; p[1] = (v >> 8) & 0xFF; p[2] = (v >> 16) & 0xFF; p[3] = (v >> 24) & 0xFF;
}

int wltGetBMP(const unsigned char *wlt, unsigned char *bmp) {
    if (wlt[0] != 'W' || wlt[1] != 'L' || wlt[2] != 'f') {
        return -2;
    }
    memset(bmp, 0, 54 + ROW * H);
    bmp[0] = 'B'; bmp[1] = 'M';
    put32(bmp + 2, 54 + ROW * H);
    put32(bmp + 10, 54);
    put32(bmp + 14, 40);
    put32(bmp + 18, W);
    put32(bmp + 22, H);
    bmp[26] = 1;
    bmp[28] = 24;
    put32(bmp + 34, ROW * H);
    for (int y = 0; y < H; y++) {
        for (int x = 0; x < W * 3; x++) {
            bmp[54 + y * ROW + x] = wlt[(y * W * 3 + x) % 1024];
        }
    }
    return 1;
}
