package org.marginsentinel.adapter.telegram.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;

class CommandRegistryTest {

    /** A command that only carries its table entry. */
    private record Stub(CommandSpec spec) implements ChatCommand {
        @Override
        public BotReply handle(CommandContext context) {
            return null;
        }
    }

    private static List<ChatCommand> everyTableEntry() {
        List<ChatCommand> commands = new ArrayList<>();
        CommandTable.ALL.forEach(spec -> commands.add(new Stub(spec)));
        return commands;
    }

    @Test
    void inTableOrder_followsTheTable_thenHiddenCommandsByName() {
        List<ChatCommand> beans = everyTableEntry();
        beans.add(0, new Stub(CommandSpec.hidden("test_b", "/test_b", "test")));
        beans.add(new Stub(CommandSpec.hidden("test_a", "/test_a", "test")));
        java.util.Collections.reverse(beans);

        List<String> names = CommandRegistry.inTableOrder(beans).stream().map(ChatCommand::name).toList();

        List<String> expected = new ArrayList<>(CommandTable.ALL.stream().map(CommandSpec::name).toList());
        expected.addAll(List.of("test_a", "test_b"));
        assertThat(names).containsExactlyElementsOf(expected);
    }

    @Test
    void inTableOrder_refusesATableEntryWithoutABean() {
        List<ChatCommand> beans = everyTableEntry();
        beans.removeIf(c -> c.name().equals("price"));

        assertThatThrownBy(() -> CommandRegistry.inTableOrder(beans)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CommandTable lists /price but no bean handles it");
    }

    @Test
    void inTableOrder_refusesAListedCommandMissingFromTheTable_orDisagreeingWithIt() {
        List<ChatCommand> unlisted = everyTableEntry();
        unlisted.add(new Stub(CommandSpec.of("pnl", "/pnl", "/pnl", CommandSpec.Where.PERSONAL, "Profit")));
        assertThatThrownBy(() -> CommandRegistry.inTableOrder(unlisted)).hasMessageContaining("/pnl");

        List<ChatCommand> disagreeing = everyTableEntry();
        disagreeing.removeIf(c -> c.name().equals("price"));
        disagreeing.add(new Stub(CommandSpec.of("price", "/price <symbol>", "/price BTC", CommandSpec.Where.GROUP,
                "The current mark price of a symbol")));
        assertThatThrownBy(() -> CommandRegistry.inTableOrder(disagreeing))
                .hasMessageContaining("/price").hasMessageContaining("CommandTable");
    }

    @Test
    void inTableOrder_refusesTwoCommandsWithOneName() {
        List<ChatCommand> beans = everyTableEntry();
        beans.add(new Stub(CommandTable.PRICE));

        assertThatThrownBy(() -> CommandRegistry.inTableOrder(beans)).hasMessageContaining("Two commands are named /price");
    }

    @Test
    void groups_listOnlyWhatWorksThere_privateChatsEverythingListed() {
        List<String> inGroups = CommandTable.ALL.stream().filter(CommandSpec::listedInGroups).map(CommandSpec::name)
                .toList();

        assertThat(inGroups).containsExactly("price", "calc", "share", "board", "leaderboard", "groupalerts", "learn", "lang",
                "help");
        assertThat(CommandTable.ALL).allMatch(CommandSpec::listedInPrivate);
        assertThat(CommandSpec.hidden("test_x", "/test_x", "t").listedInGroups()).isFalse();
    }

    @Test
    void spec_refusesAnExampleOfAnotherCommand_andAnOverlongDescription() {
        assertThatThrownBy(() -> CommandSpec.of("price", "/price", "/calc", CommandSpec.Where.ANYWHERE, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommandSpec.of("price", "/price", "/price", CommandSpec.Where.ANYWHERE, "x".repeat(257)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommandSpec.of("Price", "/price", "/Price", CommandSpec.Where.ANYWHERE, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void help_describesOneCommand_withItsDetails() {
        assertThat(HelpCommand.describe(CommandTable.WITHDRAW, Texts.of(Language.EN)))
                .isEqualTo("<code>/withdraw &lt;amount|all&gt;</code>\n"
                + "Take paper USDT out of your wallet. Never more than is free; withdrawing everything asks first.\n"
                + "Example: <code>/withdraw 250</code>");
    }

    @Test
    void help_describesOneCommand_inRussian_withItsPlaceholdersInRussian_andTheSameKeywordsAndExample() {
        assertThat(HelpCommand.describe(CommandTable.WITHDRAW, Texts.of(Language.RU)))
                .isEqualTo("<code>/withdraw &lt;сумма|all&gt;</code>\n"
                + "Вывести бумажные USDT из кошелька. Не больше свободных средств; вывод всего спрашивает "
                + "подтверждение.\nПример: <code>/withdraw 250</code>");
    }
}
