package org.onewindow.core.face;

/** Why a frame is not good enough to compare; each has guidance for the citizen (face.guide.* keys). */
public enum QualityIssue {
    NO_FACE, SEVERAL_FACES, TOO_SMALL, OFF_CENTRE, NOT_FRONTAL, BLURRED, TOO_DARK, TOO_BRIGHT;

    public String guidanceKey() {
        return "face.guide." + name();
    }
}
