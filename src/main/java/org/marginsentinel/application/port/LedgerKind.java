package org.marginsentinel.application.port;

/** Why an account's wallet changed. */
public enum LedgerKind {
    OPENING_BALANCE, DEPOSIT, WITHDRAWAL, REALIZED_PNL, LIQUIDATION,
    /** A taker fee paid from the wallet (negative). */
    FEE,
    /** A funding payment received (positive) or paid (negative) at a funding time. */
    FUNDING
}
