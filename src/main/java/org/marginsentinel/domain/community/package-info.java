/**
 * Community views of paper trading: how a trading group ranks its members and orders its risk board.
 * Pure domain code: JDK and other domain packages only, money as BigDecimal, time never read.
 *
 * <h2>Risk-adjusted survival (the leaderboard)</h2>
 * {@link org.marginsentinel.domain.community.SurvivalRanking} ranks the members' results over a period by:
 * <ol>
 *   <li><b>Liquidations</b>, fewest first: surviving beats any return, so one liquidation ranks a member
 *       below everyone who had none.</li>
 *   <li><b>Score</b> = return − maximum drawdown, highest first. Return is the period's trading result
 *       divided by the capital at risk; maximum drawdown is the largest fall of equity from its running
 *       peak, as a fraction of that peak (capped at 100%). +20% earned through a 15% drawdown scores 5%;
 *       +8% with a 1% drawdown scores 7% and ranks higher.</li>
 *   <li>Smaller drawdown, then higher return, then the member id, so the order is total and stable.</li>
 * </ol>
 *
 * <h2>The risk board</h2>
 * {@link org.marginsentinel.domain.community.MemberRisk#MOST_ENDANGERED_FIRST} orders members by their worst
 * risk level, then by the distance from mark to liquidation of their closest position.
 */
package org.marginsentinel.domain.community;
