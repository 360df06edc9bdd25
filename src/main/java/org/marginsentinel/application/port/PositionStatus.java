package org.marginsentinel.application.port;

/** The life of a paper position. */
public enum PositionStatus {
    OPEN, CLOSED, LIQUIDATED
}
