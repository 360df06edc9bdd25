package org.marginsentinel.adapter.telegram.alerts;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.domain.alert.AlertDecision;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.Side;

/** Notices for the plain tests, with the numbers of the BTC example the conversation tests use. */
public final class Notices {

    public static final long USER = 42;

    private Notices() {
    }

    public static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    public static AlertDecision sent(RiskLevel level) {
        return new AlertDecision(true, level, false, AlertDecision.Reason.ESCALATED);
    }

    public static AlertDecision reminder() {
        return new AlertDecision(true, RiskLevel.CRITICAL, true, AlertDecision.Reason.CRITICAL_REPEAT);
    }

    /** 0.1 BTC long, 20x isolated from 81,341.20: margin 406.706, liquidation 77,584.48; mark 78,500. */
    public static PositionRisk btcLong() {
        Position position = new Position("17", "BTCUSDT", Side.LONG, d("0.1"), d("81341.20"), 20, MarginMode.ISOLATED,
                d("406.706"));
        return new PositionRisk(position, d("78500"), d("7850"), d("-284.12"), d("406.706"), d("31.4"), d("0.2563"),
                d("77584.48"), d("0.011662"), d("-0.6986"));
    }

    public static Notice.PositionWarning positionWarning(AlertDecision decision) {
        return new Notice.PositionWarning(USER, 1, btcLong(), decision, d("250.4"), d("75000"));
    }

    public static CrossAccountRisk pool() {
        return new CrossAccountRisk(d("3000"), d("-1800"), d("1200"), d("1020"), d("0.85"), d("900"), d("0"), d("0"),
                Map.of());
    }

    public static Notice.PoolWarning poolWarning(AlertDecision decision) {
        return new Notice.PoolWarning(USER, pool(), decision, d("0.253"), d("1350.5"), d("0.7"));
    }

    public static Notice.DrainWarning drain() {
        return new Notice.DrainWarning(USER, d("0.25"), d("-400"), Duration.ofMinutes(95), d("1200"), d("0.85"),
                "ETHUSDT");
    }

    public static Notice.IsolatedLiquidated isolatedLiquidated() {
        return new Notice.IsolatedLiquidated(USER, 1, "BTCUSDT", Side.LONG, d("0.1"), d("77500"), d("77584.48"),
                d("406.706"), d("120.33"));
    }

    public static Notice.CrossLiquidated crossLiquidated() {
        return new Notice.CrossLiquidated(USER, List.of(
                new Notice.CrossLiquidated.ClosedPosition(2, "ETHUSDT", Side.LONG, d("1.5")),
                new Notice.CrossLiquidated.ClosedPosition(3, "SOL<USDT>", Side.SHORT, d("10"))), d("3000"),
                d("800"));
    }
}
