package org.marginsentinel.application;

import java.math.BigDecimal;
import org.marginsentinel.domain.margin.AccountRisk;
import org.marginsentinel.domain.margin.Position;

/**
 * What an order would do, computed by the same rules as opening it, with nothing changed.
 *
 * @param before          the account now
 * @param after           the whole account valued at the marks once the order is applied, in the same position
 *                        order as {@code before}, with the symbol's resulting position last
 * @param resulting       the symbol's position afterwards, or null when the order closes it
 * @param closedQuantity  how much of an opposite position the order would close
 * @param realizedPnl     what closing that would book
 * @param fillPrice       the entry the order would get
 * @param markPrice       the mark it is valued at (the fill price when there is no fresh mark)
 * @param existingNumber  the position number of the symbol's open position, or null when there is none
 * @param fee             the taker fee the fill would pay from the wallet (already taken in {@code after})
 * @param quantity        the order's whole fill in coins (a USDT sum turned into coins, on the symbol's lot step)
 */
public record OrderPreview(AccountSnapshot before, AccountRisk after, Position resulting, BigDecimal closedQuantity,
                           BigDecimal realizedPnl, BigDecimal fillPrice, BigDecimal markPrice, Integer existingNumber,
                           BigDecimal fee, BigDecimal quantity) {
}
