package org.onewindow.devices.idcard.protocol;

/** The blocks of a card read: 256 bytes of text, 1,024 of WLT photo, and fingerprints when asked for (else null). */
public record CardData(byte[] text, byte[] photoWlt, byte[] fingerprints) {
    public CardData {
        text = text.clone();
        photoWlt = photoWlt.clone();
        fingerprints = fingerprints == null ? null : fingerprints.clone();
    }

    @Override
    public byte[] text() {
        return text.clone();
    }

    @Override
    public byte[] photoWlt() {
        return photoWlt.clone();
    }

    @Override
    public byte[] fingerprints() {
        return fingerprints == null ? null : fingerprints.clone();
    }

    @Override
    public String toString() {
        return "CardData[text " + text.length + " B, photo " + photoWlt.length + " B"
                + (fingerprints == null ? "" : ", fingerprints " + fingerprints.length + " B") + "]";
    }
}
