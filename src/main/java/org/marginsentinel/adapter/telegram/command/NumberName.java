package org.marginsentinel.adapter.telegram.command;

/**
 * What a number typed into a command is, for its refusals ({@link Arguments#positiveNumber}): each has its own
 * texts in {@code i18n/refusals} ({@code refusals.number.<key>.invalid.refused}, {@code ….notPositive.refused},
 * {@code ….comma.question}), so
 * every language can decline the noun its own way.
 */
public enum NumberName {
    AMOUNT("amount"),
    USDT_AMOUNT("usdtAmount"),
    SIZE("size"),
    QUANTITY("quantity"),
    ENTRY_PRICE("entryPrice"),
    PRICE("price"),
    MARGIN("margin"),
    PERCENTAGE("percentage"),
    MOVE("move"),
    STOP_LOSS_PRICE("stopLossPrice"),
    TAKE_PROFIT_PRICE("takeProfitPrice");

    private final String key;

    NumberName(String key) {
        this.key = key;
    }

    /** The refusal "… is not a valid {this}". */
    String invalidKey() {
        return "refusals.number." + key + ".invalid.refused";
    }

    /** The refusal "The {this} must be greater than 0." */
    String notPositiveKey() {
        return "refusals.number." + key + ".notPositive.refused";
    }

    /** The question whether a comma in it groups thousands or marks decimals. */
    String commaQuestionKey() {
        return "refusals.number." + key + ".comma.question";
    }
}
