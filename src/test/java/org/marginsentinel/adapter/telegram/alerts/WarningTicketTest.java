package org.marginsentinel.adapter.telegram.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.trading.WarningTicket;
import org.marginsentinel.adapter.telegram.command.Button;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.domain.alert.RecommendedAction;
import org.marginsentinel.domain.alert.RiskLevel;

/** What a warning's buttons are, and what their stored row says, exactly. */
class WarningTicketTest {

    @Test
    void positionWarning_storesThePositionAndTheRecommendedMargin_andRoundTrips() {
        WarningTicket ticket = WarningTicket.of(Notices.positionWarning(Notices.sent(RiskLevel.DANGER))).orElseThrow();

        assertThat(ticket.payload()).isEqualTo("p:17:1:250.40:-");
        assertThat(WarningTicket.parse(ticket.payload())).isEqualTo(ticket);
    }

    @Test
    void poolWarning_offersTheRecommendedShare_theDeposit_theFixedShares_andSnooze() {
        WarningTicket ticket = new WarningTicket(null, 0, null, new BigDecimal("1350.50"));
        RecommendedAction closeShare = RecommendedAction.forPool(new BigDecimal("0.259"), new BigDecimal("1350.50"),
                null, null).orElseThrow();

        List<List<Button>> rows = ticket.buttons(42, Optional.of(closeShare), Texts.of(Language.EN));

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).extracting(Button::label).containsExactly("✂️ Close 26%", "💰 Deposit 1,350.50 USDT");
        assertThat(rows.get(0)).extracting(Button::callbackData).containsExactly("wa:42:c26", "wa:42:d");
        assertThat(rows.get(1)).extracting(Button::callbackData).containsExactly("wa:42:c25", "wa:42:c50", "wa:42:c100");
        assertThat(rows.get(2)).extracting(Button::callbackData).containsExactly("wa:42:s");
        assertThat(WarningTicket.parse(ticket.payload())).isEqualTo(ticket);
    }

    @Test
    void theButtons_areLabelledInTheOwnersLanguage_withTheSameActions() {
        WarningTicket ticket = WarningTicket.of(Notices.positionWarning(Notices.sent(RiskLevel.DANGER))).orElseThrow();

        List<List<Button>> rows = ticket.buttons(42, Optional.empty(), Texts.of(Language.RU));

        assertThat(rows).flatMap(row -> row).extracting(Button::label).containsExactly("➕ Добавить 250,40 USDT маржи",
                "Закрыть 25%", "Закрыть 50%", "Закрыть 100%", "😴 Пауза 1 ч");
        assertThat(rows).flatMap(row -> row).extracting(Button::callbackData)
                .containsExactly("wa:42:m", "wa:42:c25", "wa:42:c50", "wa:42:c100", "wa:42:s");
    }

    @Test
    void liquidationsAndDrainNotices_carryNoButtons() {
        assertThat(WarningTicket.of(Notices.isolatedLiquidated())).isEmpty();
        assertThat(WarningTicket.of(Notices.drain())).isEmpty();
    }
}
