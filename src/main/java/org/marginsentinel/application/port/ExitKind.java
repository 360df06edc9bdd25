package org.marginsentinel.application.port;

/** What closed (part of) a paper position. */
public enum ExitKind {
    CLOSE("close"), LIQUIDATION("liquidation"), STOP_LOSS("stop-loss"), TAKE_PROFIT("take-profit");

    private final String label;

    ExitKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
