/**
 * Risk insights beyond "where is my liquidation price": odds of liquidation from realised volatility
 * ({@link org.marginsentinel.domain.insight.LiquidationOdds}, {@link org.marginsentinel.domain.insight.RealizedVolatility}),
 * stress tests ({@link org.marginsentinel.domain.insight.StressTest}), advice to survive a likely move
 * ({@link org.marginsentinel.domain.insight.SurvivalAdvice}) and isolated versus cross side by side
 * ({@link org.marginsentinel.domain.insight.ModeComparison}).
 *
 * <p>Pure domain code: the JDK, the other domain packages and a statistics library for the normal distribution,
 * nothing else. Money stays BigDecimal and goes through the margin engine; probabilities and volatilities are
 * doubles.
 */
package org.marginsentinel.domain.insight;
