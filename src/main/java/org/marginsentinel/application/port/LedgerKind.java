package org.marginsentinel.application.port;

/** Why an account's wallet changed. */
public enum LedgerKind {
    OPENING_BALANCE, DEPOSIT, WITHDRAWAL, REALIZED_PNL, LIQUIDATION
}
