package org.marginsentinel.application.watch;

import static org.marginsentinel.testsupport.Refusals.saying;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.port.HyperliquidInfo;
import org.marginsentinel.application.port.InfoUnavailable;
import org.marginsentinel.domain.alert.AlertState;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.watch.Availability;
import org.marginsentinel.domain.watch.HyperliquidAddress;
import org.marginsentinel.domain.watch.HyperliquidMarket;
import org.marginsentinel.domain.watch.WatchedAccountState;
import org.marginsentinel.domain.watch.WatchedPosition;
import org.marginsentinel.testsupport.fakes.InMemoryAlertStore;
import org.marginsentinel.testsupport.fakes.MutableClock;

/** Every refusal of /watch stores nothing; the per-user limit holds; /unwatch forgets everything. */
class WatchListTest {

    private static final long USER = 42;
    private final List<WatchedAccount> stored = new ArrayList<>();
    private final WatchList list = new WatchList();
    private RuntimeException infoFailure;
    private WatchedAccountState answer;

    @BeforeEach
    void wire() {
        list.store = new WatchStore() {
            @Override
            public List<WatchedAccount> all() {
                return List.copyOf(stored);
            }

            @Override
            public WatchedAccount add(long userId, HyperliquidAddress address, WatchedAccountState state, Instant at) {
                WatchedAccount account = new WatchedAccount(stored.size() + 1L, userId, address, at, at, state,
                        Availability.OK);
                stored.add(account);
                return account;
            }

            @Override
            public void save(WatchedAccount account) {
            }

            @Override
            public void remove(long id) {
                stored.removeIf(a -> a.id() == id);
            }
        };
        list.book = new WatchBook();
        list.drains = new WatchDrains();
        list.alerts = new InMemoryAlertStore();
        list.settings = new WatchSettings(2, WatchSettings.DEFAULTS.unavailableAfter(), WatchSettings.DEFAULTS.polling());
        list.clock = new MutableClock(Instant.parse("2026-09-19T13:00:00Z"));
        list.afterCommit = new AfterCommit() {
            @Override
            public void run(Runnable action) {
                action.run();
            }
        };
        list.info = new HyperliquidInfo() {
            @Override
            public WatchedAccountState account(HyperliquidAddress address) {
                if (infoFailure != null) {
                    throw infoFailure;
                }
                return answer;
            }

            @Override
            public HyperliquidMarket market() {
                return HyperliquidMarket.empty();
            }
        };
        answer = withOnePosition();
    }

    @Test
    void badAddresses_emptyAccounts_422s_andOutages_storeNothing() {
        assertThatThrownBy(() -> list.watch(USER, "0x123")).isInstanceOf(CommandRejected.class)
                .satisfies(saying("not a Hyperliquid address"));
        answer = new WatchedAccountState(null, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.ZERO, List.of());
        assertThatThrownBy(() -> list.watch(USER, address(1))).satisfies(saying("no open perp positions"));
        infoFailure = new InfoUnavailable("HTTP 422 (Hyperliquid could not read the request)", true, null);
        assertThatThrownBy(() -> list.watch(USER, address(1))).satisfies(saying("refused that address"));
        infoFailure = new InfoUnavailable("HTTP 429 (rate limited)", false, null);
        assertThatThrownBy(() -> list.watch(USER, address(1))).satisfies(saying("did not answer (HTTP 429"));

        assertThat(stored).isEmpty();
        assertThat(list.list(USER)).isEmpty();
    }

    @Test
    void theLimitPerUser_andDuplicates_areRefused_othersAreNotCounted() {
        list.watch(USER, address(1));
        assertThatThrownBy(() -> list.watch(USER, address(1).toUpperCase().replace("0X", "0x")))
                .satisfies(saying("already watch"));
        list.watch(USER, address(2));
        assertThatThrownBy(() -> list.watch(USER, address(3))).satisfies(saying("the most allowed"));
        list.watch(USER + 1, address(3));

        assertThat(list.list(USER)).hasSize(2);
        assertThat(stored).hasSize(3);
    }

    @Test
    void unwatch_removesTheAccount_andItsAlertStates() {
        list.watch(USER, address(1));
        list.watch(USER, address(2));
        list.alerts.saveState(WatchBook.subjectPrefix(1) + "ETH", USER,
                AlertState.initial());

        WatchedAccount removed = (WatchedAccount) list.unwatch(USER, 1);

        assertThat(removed.address().value()).isEqualTo(address(1));
        assertThat(list.list(USER)).extracting(a -> a.address().value()).containsExactly(address(2));
        assertThat(list.alerts.allStates()).isEmpty();
        assertThatThrownBy(() -> list.unwatch(USER, 5)).satisfies(saying("no watched account #5"));
    }

    private static String address(int n) {
        return String.format("0x%040x", n + 0xabcL);
    }

    private static WatchedAccountState withOnePosition() {
        WatchedPosition eth = new WatchedPosition("ETH", Side.LONG, BigDecimal.ONE, new BigDecimal("3000"),
                MarginMode.ISOLATED, 10, new BigDecimal("2800"), new BigDecimal("300"), new BigDecimal("3000"),
                BigDecimal.ZERO, 25);
        return new WatchedAccountState(null, new BigDecimal("1000"), new BigDecimal("700"), BigDecimal.ZERO,
                BigDecimal.ZERO, List.of(eth));
    }
}
