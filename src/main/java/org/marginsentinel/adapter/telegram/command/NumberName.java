package org.marginsentinel.adapter.telegram.command;

/**
 * What a number typed into a command is, for its refusals ({@link Arguments#positiveNumber}): each has its own
 * texts in {@code i18n/refusals} ({@code refusals.number.<key>.invalid.refused}, {@code ….notPositive.refused}), so
 * every language can decline the noun its own way.
 */
public enum NumberName {
    AMOUNT("amount", "amount"),
    USDT_AMOUNT("usdtAmount", "USDT amount"),
    SIZE("size", "size"),
    QUANTITY("quantity", "quantity"),
    ENTRY_PRICE("entryPrice", "entry price"),
    PRICE("price", "price"),
    MARGIN("margin", "margin"),
    PERCENTAGE("percentage", "percentage"),
    MOVE("move", "move"),
    STOP_LOSS_PRICE("stopLossPrice", "stop-loss price"),
    TAKE_PROFIT_PRICE("takeProfitPrice", "take-profit price");

    private final String key;
    private final String english;

    NumberName(String key, String english) {
        this.key = key;
        this.english = english;
    }

    /** The refusal "… is not a valid {this}". */
    String invalidKey() {
        return "refusals.number." + key + ".invalid.refused";
    }

    /** The refusal "The {this} must be greater than 0." */
    String notPositiveKey() {
        return "refusals.number." + key + ".notPositive.refused";
    }

    /** In English, for the question about an ambiguous comma (asked in English for now). */
    String english() {
        return english;
    }
}
