package org.onewindow.core.rating;

/** The five levels of the national 好差评 scheme, best first. */
public enum RatingLevel {
    VERY_SATISFIED("非常满意"),
    SATISFIED("满意"),
    BASICALLY_SATISFIED("基本满意"),
    DISSATISFIED("不满意"),
    VERY_DISSATISFIED("非常不满意");

    private final String label;

    RatingLevel(String label) {
        this.label = label;
    }

    /** The official Chinese wording. */
    public String label() {
        return label;
    }

    /** Low ratings must say why (差评 needs a reason so the hall can follow up). */
    public boolean needsReason() {
        return this == DISSATISFIED || this == VERY_DISSATISFIED;
    }
}
