package org.marginsentinel.adapter.telegram.e2e;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.Button;
import org.marginsentinel.adapter.telegram.command.CallbackHandler;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.ConfirmableAction;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.application.CommandRejected;

/** Hidden commands that exist only in tests, to drive the dispatcher through every path. */
final class TestCommands {

    private TestCommands() {
    }

    /** Base for the hidden test commands. */
    abstract static class Hidden implements ChatCommand {
        @Override
        public abstract String name();

        String usage() {
            return "/" + name() + " [<anything>]";
        }

        @Override
        public CommandSpec spec() {
            return CommandSpec.hidden(name(), usage(), "test only");
        }
    }

    /** {@code /test_count <key>}: counts invocations per key, replies with the count. */
    @ApplicationScoped
    static class Count extends Hidden {
        final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

        @Override
        public String name() {
            return "test_count";
        }

        @Override
        public BotReply handle(CommandContext context) {
            String key = context.arg(0).orElse("default");
            int n = counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            return BotReply.html("count " + Html.escape(key) + " = " + n);
        }

        int count(String key) {
            AtomicInteger n = counts.get(key);
            return n == null ? 0 : n.get();
        }
    }

    /** {@code /test_close <payload>}: asks for confirmation of the "test-close" action. */
    @ApplicationScoped
    static class Close extends Hidden {
        @Override
        public String name() {
            return "test_close";
        }

        @Override
        public BotReply handle(CommandContext context) {
            String payload = context.arg(0).orElseThrow(() -> new CommandRejected("Tell me what to close."));
            return BotReply.confirm("Close <b>" + Html.escape(payload) + "</b>?", "test-close", payload);
        }
    }

    /** The "test-close" action: records what it closed; payload "bad" is refused. */
    @ApplicationScoped
    static class CloseAction implements ConfirmableAction {
        final ConcurrentLinkedQueue<String> closed = new ConcurrentLinkedQueue<>();

        @Override
        public String key() {
            return "test-close";
        }

        @Override
        public BotReply confirmed(CommandContext context, String payload) {
            if (payload.equals("bad")) {
                throw new CommandRejected("That one cannot be closed.");
            }
            closed.add(payload + " by " + context.userId());
            return BotReply.html("Closed <b>" + Html.escape(payload) + "</b>.");
        }

        List<String> closedSoFar() {
            return List.copyOf(closed);
        }
    }

    /** {@code /test_boom}: always fails with an unexpected exception. */
    @ApplicationScoped
    static class Boom extends Hidden {
        @Override
        public String name() {
            return "test_boom";
        }

        @Override
        public BotReply handle(CommandContext context) {
            throw new IllegalStateException("kaboom (test)");
        }
    }

    /** {@code /test_reject}: refuses with a CommandRejected. */
    @ApplicationScoped
    static class Reject extends Hidden {
        @Override
        public String name() {
            return "test_reject";
        }

        @Override
        String usage() {
            return "/test_reject <size>";
        }

        @Override
        public BotReply handle(CommandContext context) {
            throw new CommandRejected("Size must be positive & <b>not</b> zero.");
        }
    }

    /** {@code /test_slow}: blocks until the test opens the gate (at most 15 s). */
    @ApplicationScoped
    static class Slow extends Hidden {
        final AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(0));
        final AtomicInteger entered = new AtomicInteger();

        @Override
        public String name() {
            return "test_slow";
        }

        int enteredCount() {
            return entered.get();
        }

        CountDownLatch arm() {
            CountDownLatch latch = new CountDownLatch(1);
            gate.set(latch);
            return latch;
        }

        @Override
        public BotReply handle(CommandContext context) {
            entered.incrementAndGet();
            try {
                gate.get().await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return BotReply.html("slow done");
        }
    }

    /** {@code /test_long <lines>}: a long reply with a button, to check splitting. */
    @ApplicationScoped
    static class LongReport extends Hidden {
        @Override
        public String name() {
            return "test_long";
        }

        @Override
        public BotReply handle(CommandContext context) {
            int lines = Integer.parseInt(context.arg(0).orElse("100"));
            StringBuilder html = new StringBuilder("<b>Long report</b>\n<pre>");
            for (int i = 1; i <= lines; i++) {
                html.append("line ").append(i).append(" ").append("x".repeat(60)).append('\n');
            }
            html.append("</pre>\nend of report");
            return BotReply.html(html.toString())
                    .withButtons(List.of(List.of(new Button("Refresh", "tst:refresh:" + context.userId()))));
        }
    }

    /** Presses of "tst:" buttons: only the user named in the data may press. */
    @ApplicationScoped
    static class Refresh implements CallbackHandler {
        final AtomicInteger presses = new AtomicInteger();

        int presses() {
            return presses.get();
        }

        @Override
        public String prefix() {
            return "tst:";
        }

        @Override
        public BotReply onPress(CommandContext context, String data) {
            long owner = Long.parseLong(data.substring(data.lastIndexOf(':') + 1));
            if (owner != context.userId()) {
                throw new CommandRejected("Only the person who asked can refresh this.");
            }
            int n = presses.incrementAndGet();
            return BotReply.html("Refreshed " + n + " time(s).")
                    .withButtons(List.of(List.of(new Button("Refresh", "tst:refresh:" + owner))));
        }
    }
}
