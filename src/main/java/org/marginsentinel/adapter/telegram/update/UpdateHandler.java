package org.marginsentinel.adapter.telegram.update;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.marginsentinel.adapter.telegram.command.CallsOutsideTransaction;
import org.marginsentinel.adapter.telegram.command.CommandLookup;
import org.marginsentinel.adapter.telegram.command.CommandParser;
import org.marginsentinel.adapter.telegram.command.ParsedText;
import org.marginsentinel.adapter.telegram.connection.BotConnection;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.CommandRejected;

/**
 * Handles one update end to end and never throws: the normal path runs in one transaction
 * ({@link UpdateProcessor#process}); a {@link CommandRejected} or any other failure rolls it back
 * and a second transaction records the update with a refusal or a generic apology, so the update
 * is never lost and never applied twice. Button presses are answered after the commit.
 */
@ApplicationScoped
public class UpdateHandler {

    private static final Logger LOG = Logger.getLogger(UpdateHandler.class);

    @Inject
    UpdateProcessor processor;

    @Inject
    BotConnection connection;

    @Inject
    CommandLookup commands;

    @ActivateRequestContext
    public void handle(ReceivedUpdate update) {
        Inbound in;
        try {
            in = Inbound.from(update);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Update %d could not be read; skipped", update.updateId());
            return;
        }
        if (in.kind() == Inbound.Kind.IGNORED) {
            connection.answerCallback(in.callbackQueryId(), null, false);
            return;
        }
        beforeTransaction(in);
        Outcome outcome;
        try {
            outcome = processor.process(in);
        } catch (CommandRejected rejected) {
            LOG.debugf("Update %d (%s) rejected: %s", in.updateId(), in.describe(), rejected.getMessage());
            outcome = afterFailure(in, rejected);
        } catch (Throwable failure) {
            LOG.errorf(failure, "Update %d (%s) failed; the user gets a generic reply", in.updateId(), in.describe());
            outcome = afterFailure(in, null);
        }
        if (outcome.duplicate()) {
            LOG.debugf("Update %d was handled before; skipped", in.updateId());
            return;
        }
        if (in.kind() == Inbound.Kind.CALLBACK) {
            connection.answerCallback(in.callbackQueryId(), outcome.callbackAnswer(), outcome.alert());
        }
    }

    /**
     * The first update a flooding user sent over their limit: tell them, once, that updates are being
     * skipped. Never throws.
     */
    @ActivateRequestContext
    public void tooFast(Inbound in) {
        try {
            if (in.kind() == Inbound.Kind.CALLBACK) {
                connection.answerCallback(in.callbackQueryId(), telegramTexts(in).get(BotTexts.TOO_FAST), true);
            } else if (in.kind() == Inbound.Kind.MESSAGE) {
                processor.tellTooFast(in);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not tell user %d to slow down", in.userId());
        }
    }

    /**
     * Outside any transaction, before {@link UpdateProcessor#process}: a command that calls a remote service does so
     * now ({@link CallsOutsideTransaction}). Never throws: after a failure here the command runs without it.
     */
    private void beforeTransaction(Inbound in) {
        if (in.kind() != Inbound.Kind.MESSAGE) {
            return;
        }
        try {
            if (CommandParser.parse(in.text(), connection.botUsername()) instanceof ParsedText.Command command
                    && commands.command(command.name()).orElse(null) instanceof CallsOutsideTransaction remote) {
                remote.beforeTransaction(in.userId(), in.privateChat(), command.args());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Update %d: the step before the transaction failed (%s); the command runs without it",
                    in.updateId(), e.getClass().getSimpleName());
        }
    }

    private Outcome afterFailure(Inbound in, CommandRejected rejected) {
        try {
            return rejected != null ? processor.recordRejection(in, rejected) : processor.recordFailure(in);
        } catch (Throwable second) {
            LOG.errorf(second, "Update %d (%s): could not even record the failure", in.updateId(), in.describe());
            return Outcome.alert(telegramTexts(in).get(BotTexts.GENERIC_FAILURE));
        }
    }

    /** The language Telegram reports, for words that must cost no database work (a flood, a failing database). */
    private static Texts telegramTexts(Inbound in) {
        return Texts.of(Language.fromTelegram(in.languageCode()));
    }
}
