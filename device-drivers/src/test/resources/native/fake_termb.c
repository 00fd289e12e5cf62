/* A stand-in for a vendor's termb library (same C signatures), built by the tests with gcc.
 * Like many real ones, Read_Content writes wz.txt (text) and zp.wlt (photo) beside the library. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

static unsigned char text[256];
static unsigned char photo[1024];
static int present, read_done, opened;

int fake_set_card(const unsigned char *t, const unsigned char *p) {
    memcpy(text, t, 256); memcpy(photo, p, 1024); present = 1; read_done = 0; return 0;
}
int fake_remove_card(void) { present = 0; read_done = 0; return 0; }

static void beside_library(const char *name, char *out, size_t size) {
    Dl_info info;
    dladdr((void *) beside_library, &info);
    snprintf(out, size, "%s", info.dli_fname);
    char *slash = strrchr(out, '/');
    snprintf(slash ? slash + 1 : out, size - (slash ? (size_t) (slash + 1 - out) : 0), "%s", name);
}

static int write_file(const char *name, const unsigned char *data, size_t n) {
    char path[4096];
    beside_library(name, path, sizeof path);
    FILE *f = fopen(path, "wb");
    if (!f) return 0;
    size_t w = fwrite(data, 1, n, f);
    fclose(f);
    return w == n;
}

int InitComm(int port) { if (port != 1001 && (port < 1 || port > 16)) return 0; opened = 1; return 1; }
int CloseComm(void) { opened = 0; return 1; }
int Authenticate(void) { if (!opened) return 0; return present && !read_done ? 1 : 0; }
int Read_Content(int active) {
    if (!opened || !present) return 0;
    if (!write_file("wz.txt", text, 256) || !write_file("zp.wlt", photo, 1024)) return -4;
    read_done = 1;
    return 1;
}
int GetSAMID(char *out) { if (!opened) return 0; strcpy(out, "05.01-20240101-0012345678-1234567890"); return 1; }
