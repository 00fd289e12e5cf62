package org.onewindow.sandbox.http;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted misbehaviour for client tests: requests whose method and path match are delayed, answered
 * with a status, cut off, or (for the archive) given a wrong receipt, at most {@code times} times
 * (negative: for ever).
 */
public final class FaultRule {
    public enum Action { DELAY, STATUS, RESET, WRONG_RECEIPT }

    private final String method;
    private final String pathPrefix;
    private final Action action;
    private final int value;
    private final AtomicInteger remaining;

    private FaultRule(String method, String pathPrefix, Action action, int value, int times) {
        this.method = method;
        this.pathPrefix = pathPrefix;
        this.action = action;
        this.value = value;
        this.remaining = new AtomicInteger(times);
    }

    /** Delays matching requests by {@code millis} before handling them normally. */
    public static FaultRule delay(String method, String pathPrefix, int millis, int times) {
        return new FaultRule(method, pathPrefix, Action.DELAY, millis, times);
    }

    /** Answers matching requests with {@code status} and a problem body. */
    public static FaultRule status(String method, String pathPrefix, int status, int times) {
        return new FaultRule(method, pathPrefix, Action.STATUS, status, times);
    }

    /** Closes the connection without an answer (a dropped connection mid-request). */
    public static FaultRule reset(String method, String pathPrefix, int times) {
        return new FaultRule(method, pathPrefix, Action.RESET, 0, times);
    }

    /** Archive commits answer with a receipt for a different manifest hash. */
    public static FaultRule wrongReceipt(int times) {
        return new FaultRule("PUT", "/api/v1/archive/packages/", Action.WRONG_RECEIPT, 0, times);
    }

    boolean matches(String reqMethod, String path) {
        return (method == null || method.equalsIgnoreCase(reqMethod)) && path.startsWith(pathPrefix);
    }

    /** Consumes one use; false when the rule is used up. */
    boolean take() {
        while (true) {
            int r = remaining.get();
            if (r == 0) {
                return false;
            }
            if (r < 0 || remaining.compareAndSet(r, r - 1)) {
                return true;
            }
        }
    }

    public Action action() {
        return action;
    }

    public int value() {
        return value;
    }

    @Override
    public String toString() {
        return "FaultRule[" + method + " " + pathPrefix + " " + action + " " + value + " x" + remaining.get() + "]";
    }
}
