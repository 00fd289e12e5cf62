package org.onewindow.core.rating;

/** Why a citizen rated low; offered as choices on the citizen display. */
public enum RatingReason {
    WAITED_TOO_LONG("等候时间太长"),
    ATTITUDE("服务态度不好"),
    NOT_EXPLAINED("政策解释不清楚"),
    MATERIALS_ASKED_AGAIN("重复提交材料"),
    NOT_DONE("事情没有办成"),
    OTHER("其他");

    private final String label;

    RatingReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
