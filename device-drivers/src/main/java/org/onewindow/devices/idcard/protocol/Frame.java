package org.onewindow.devices.idcard.protocol;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One frame's body: the bytes between the length field and the checksum. For a request that is
 * {@code CMD PARA data}, for a response {@code SW1 SW2 SW3 data}. The wire form adds the preamble,
 * the big-endian length and the XOR checksum (see {@link FrameCodec}).
 */
public record Frame(byte[] body) {

    public Frame {
        body = body.clone();
    }

    public static Frame request(Command command, byte[] data) {
        return request(command.code(), command.parameter(), data);
    }

    public static Frame request(int cmd, int para, byte[] data) {
        byte[] body = new byte[2 + data.length];
        body[0] = (byte) cmd;
        body[1] = (byte) para;
        System.arraycopy(data, 0, body, 2, data.length);
        return new Frame(body);
    }

    public static Frame response(int sw3, byte[] data) {
        byte[] body = new byte[3 + data.length];
        body[2] = (byte) sw3;
        System.arraycopy(data, 0, body, 3, data.length);
        return new Frame(body);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public int length() {
        return body.length;
    }

    /** Byte {@code i} of the body as an unsigned value. */
    public int u8(int i) {
        return body[i] & 0xFF;
    }

    /** Request view: command byte. */
    public int cmd() {
        return u8(0);
    }

    /** Request view: parameter byte. */
    public int para() {
        return u8(1);
    }

    /** Response view: the status byte that carries the outcome. */
    public int sw3() {
        return u8(2);
    }

    /** The data after the request header (2 bytes). */
    public byte[] requestData() {
        return Arrays.copyOfRange(body, Math.min(2, body.length), body.length);
    }

    /** The data after the response status (3 bytes). */
    public byte[] responseData() {
        return Arrays.copyOfRange(body, Math.min(3, body.length), body.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && Arrays.equals(body, f.body);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(body);
    }

    /** Only the header bytes: a card-data body must never reach a log in full. */
    @Override
    public String toString() {
        int shown = Math.min(body.length, 3);
        return "Frame[" + body.length + " bytes, starts " + HexFormat.ofDelimiter(" ").formatHex(body, 0, shown) + "]";
    }
}
