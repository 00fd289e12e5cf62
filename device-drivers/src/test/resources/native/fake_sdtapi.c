/* A stand-in for a vendor's sdtapi library (same C signatures), built by the tests with gcc.
 * fake_set_card / fake_remove_card let the test put a card on the "reader". */
#include <string.h>

static unsigned char text[256];
static unsigned char photo[1024];
static int present, read_done, opened_port;

int fake_set_card(const unsigned char *t, const unsigned char *p) {
    memcpy(text, t, 256); memcpy(photo, p, 1024); present = 1; read_done = 0; return 0;
}
int fake_remove_card(void) { present = 0; read_done = 0; return 0; }

int SDT_OpenPort(int port) {
    if (port != 1001 && (port < 1 || port > 16)) return 0x01; /* port open failed */
    opened_port = port; return 0x90;
}
int SDT_ClosePort(int port) { opened_port = 0; return 0x90; }
int SDT_StartFindIDCard(int port, unsigned char *mana, int if_open) {
    if (port != opened_port) return 0x01;
    memset(mana, 0, 4);
    return present && !read_done ? 0x9F : 0x80;
}
int SDT_SelectIDCard(int port, unsigned char *mana, int if_open) {
    if (port != opened_port) return 0x01;
    memset(mana, 0, 8);
    return present && !read_done ? 0x90 : 0x81;
}
int SDT_ReadBaseMsg(int port, unsigned char *ch, unsigned int *ch_len, unsigned char *ph, unsigned int *ph_len,
                    int if_open) {
    if (port != opened_port) return 0x01;
    if (!present) return 0x41;
    memcpy(ch, text, 256); *ch_len = 256;
    memcpy(ph, photo, 1024); *ph_len = 1024;
    read_done = 1;
    return 0x90;
}
int SDT_GetSAMIDToStr(int port, char *out, int if_open) {
    if (port != opened_port) return 0x01;
    strcpy(out, "05.01-20240101-0012345678-1234567890");
    return 0x90;
}
