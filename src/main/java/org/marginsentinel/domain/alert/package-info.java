/**
 * Proactive warnings: when to tell a trader that a position or pool is getting close to liquidation, and
 * what to suggest. Pure domain code: no framework, no clock, no I/O; time is always a parameter, money is
 * always BigDecimal, and the margin engine ({@code org.marginsentinel.domain.margin}) does every margin sum.
 *
 * <h2>Subjects, readings and levels</h2>
 * A <em>subject</em> is an isolated position (watched by its distance to liquidation) or a cross pool
 * (watched by its margin ratio, not by per-symbol liquidation prices, which move with every other mark).
 * A {@link org.marginsentinel.domain.alert.RiskReading} carries that one metric; the user's
 * {@link org.marginsentinel.domain.alert.RiskThresholds} turn it into a
 * {@link org.marginsentinel.domain.alert.RiskLevel}: SAFE, WARNING, DANGER, CRITICAL, LIQUIDATED.
 *
 * <h2>The alert policy</h2>
 * {@link org.marginsentinel.domain.alert.AlertPolicy#evaluate} takes the subject's stored
 * {@link org.marginsentinel.domain.alert.AlertState}, a fresh reading, the user's
 * {@link org.marginsentinel.domain.alert.AlertPreferences} and the time, and returns an
 * {@link org.marginsentinel.domain.alert.AlertDecision} plus the state to store. The model:
 * <ul>
 *   <li><b>Announce on entry, escalate at once.</b> A level is announced when the subject gets worse than
 *       what the user was last told; nothing is said while it stays there.</li>
 *   <li><b>Leave a level only on a clear recovery</b> (hysteresis): distance at least 1.25 × the threshold,
 *       or margin ratio 5 points under it. Lowering is silent; back at SAFE, the subject is re-armed.</li>
 *   <li><b>CRITICAL repeats</b> silently every 10 minutes while it is measured.</li>
 *   <li><b>Cooldown:</b> no level except LIQUIDATED is sent twice within 10 minutes, even across a
 *       recovery.</li>
 *   <li><b>Preferences:</b> alerts off lets only liquidations through; a snooze or quiet hours let CRITICAL
 *       and liquidations through. A liquidation is never held back.</li>
 *   <li><b>The state records only what was sent.</b> A suppressed level is announced by the first evaluation
 *       after the suppression ends, if the subject is still at that level or worse; if it recovered meanwhile,
 *       nothing is said.</li>
 * </ul>
 *
 * <h2>Advice and drains</h2>
 * {@link org.marginsentinel.domain.alert.MarginAdvice} says what would help: margin to add to an isolated
 * position (closing part of one does not move its liquidation price), the share of a cross pool to close or
 * the deposit to make, what would have prevented a liquidation, and how far prices may move before one.
 * {@link org.marginsentinel.domain.alert.DrainMonitor} keeps an hour of per-minute margin balances per cross
 * pool and reports, once per episode, a fall of 20% from the hour's high, with its rate, the time left at
 * that rate and, from {@link org.marginsentinel.domain.alert.MarkHistory}, the position losing most.
 *
 * <h2>Threading</h2>
 * The policy and the advice are stateless and thread-safe. {@code DrainMonitor} and {@code MarkHistory} hold
 * memory and are not: feed them from the single risk-sweep thread.
 */
package org.marginsentinel.domain.alert;
