package org.marginsentinel.adapter.telegram;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jboss.logging.Logger;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.connection.BotConnection;
import org.marginsentinel.adapter.telegram.connection.TelegramConfig;
import org.marginsentinel.adapter.telegram.connection.TelegramStatus;
import org.marginsentinel.adapter.telegram.delivery.TelegramMetrics;
import org.marginsentinel.application.port.Durability;
import org.marginsentinel.adapter.telegram.command.CommandTranslations;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandRegistry;
import org.marginsentinel.adapter.telegram.delivery.OutboxSender;
import org.marginsentinel.adapter.telegram.connection.SendRateLimiter;
import org.marginsentinel.adapter.telegram.store.Inbox;
import org.marginsentinel.adapter.telegram.update.LongPoller;
import org.marginsentinel.adapter.telegram.update.ReceivedUpdate;
import org.marginsentinel.adapter.telegram.update.UpdateDispatcher;
import org.marginsentinel.adapter.telegram.update.UpdateHandler;
import org.marginsentinel.application.port.MarkPriceHealth;
import org.marginsentinel.adapter.telegram.connection.WebhookSecret;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllGroupChats;

/**
 * Starts and stops the Telegram side of the service. Without a token it logs one INFO line and
 * does nothing else. With one it builds its own OkHttp client and a daemon poller thread (so the
 * JVM can exit), learns the bot's username with getMe, publishes the command menu, starts the
 * outbox sender and a {@link LongPoller} feeding the {@link UpdateDispatcher} (our own loop: update ids may pass
 * 2³¹, which TelegramBots' poller cannot carry).
 *
 * <p>Webhook mode ({@code sentinel.telegram.webhook.url} set) replaces the last step: setWebhook
 * with the public URL and secret, after which {@code WebhookResource} hands each update Telegram
 * posts to the same kind of dispatcher ({@link #acceptWebhookUpdate}). The webhook stays registered
 * when the service stops, so Telegram keeps and retries updates across a restart; a later start in
 * polling mode removes it (deleteWebhook before the first poll, as TelegramBots' poller did).
 *
 * <p>If Telegram cannot be reached at start-up the service still starts and the bot retries every
 * {@value #RETRY_SECONDS} s; a token Telegram rejects (401) is logged as an error and not retried.
 * The token itself is never logged.
 */
@ApplicationScoped
public class TelegramBot {

    private static final Logger LOG = Logger.getLogger(TelegramBot.class);
    static final long RETRY_SECONDS = 30;
    private static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query", "my_chat_member");
    private static final int POLL_TIMEOUT_SECONDS = 50;
    /** How long updates left over from a crash wait for the first mark prices before they are handled. */
    private static final Duration REPLAY_WAITS_FOR_PRICES = Duration.ofSeconds(10);

    @Inject
    TelegramConfig config;
    @Inject
    BotConnection connection;
    @Inject
    OutboxSender sender;
    @Inject
    UpdateHandler handler;
    @Inject
    CommandRegistry registry;
    @Inject
    Inbox inbox;
    @Inject
    Durability durability;
    @Inject
    MarkPriceHealth prices;
    @Inject
    TelegramStatus status;
    @Inject
    ApiCallObserver apiCalls;
    @Inject
    TelegramMetrics metrics;

    private Session session;
    private ScheduledExecutorService retrier;
    private ScheduledFuture<?> pendingRetry;
    /** Set at start-up in webhook mode (the configuration is valid then); null in polling mode. */
    private volatile WebhookSecret webhookSecret;
    /** Where webhook updates go while a webhook-mode bot runs; read without the lock by the endpoint. */
    private volatile UpdateDispatcher webhookDispatcher;
    /** Why the last start failed (guarded by this), so retries log only a new reason. */
    private String lastStartFailure;

    /** Everything one running bot owns, so stop() can release all of it (poller null in webhook mode). */
    private record Session(LongPoller poller, UpdateDispatcher dispatcher, OkHttpClient http) {
    }

    void onStartup(@Observes StartupEvent event) {
        // Index (and so validate) the command beans on every start, bot or not: a duplicate or
        // malformed command then fails every @QuarkusTest instead of surfacing in production.
        registry.allCommands();
        if (token() == null) {
            status.configured(TelegramStatus.Mode.DISABLED);
            LOG.info("Telegram bot disabled: set TELEGRAM_BOT_TOKEN to enable it.");
            return;
        }
        Optional<String> webhookUrl = config.webhook().url().map(String::strip).filter(u -> !u.isEmpty());
        if (webhookUrl.isEmpty()) {
            status.configured(TelegramStatus.Mode.POLLING);
        } else {
            status.configured(TelegramStatus.Mode.WEBHOOK);
            try {
                checkWebhookUrl(webhookUrl.get());
                webhookSecret = WebhookSecret.of(config.webhook().secret().map(String::strip).orElse(null));
            } catch (IllegalArgumentException e) {
                LOG.errorf("Telegram webhook mode is misconfigured: %s. The bot stays off; the rest of the service runs.",
                        e.getMessage());
                status.notRunning("webhook misconfigured: " + e.getMessage());
                return;
            }
        }
        start();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stop();
        synchronized (this) {
            if (retrier != null) {
                retrier.shutdownNow();
                retrier = null;
            }
        }
    }

    public synchronized boolean isRunning() {
        return session != null;
    }

    /** Connects to Telegram and starts polling; no-op without a token or when already running. */
    public synchronized void start() {
        String token = token();
        if (token == null || session != null) {
            return;
        }
        cancelRetry();
        if (config.webhook().url().filter(u -> !u.isBlank()).isPresent() && webhookSecret == null) {
            return; // misconfigured webhook mode: onStartup logged why
        }
        TelegramUrl url = TelegramApiUrl.parse(config.apiUrl());
        List<BotCommand> menu = commandMenu();
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(64);
        dispatcher.setMaxRequestsPerHost(64);
        OkHttpClient pollHttp = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .addInterceptor(apiCalls)
                .connectionPool(new ConnectionPool(16, 60, TimeUnit.SECONDS))
                .connectTimeout(Duration.ofSeconds(10))
                .writeTimeout(Duration.ofSeconds(30))
                .readTimeout(Duration.ofSeconds(POLL_TIMEOUT_SECONDS + 25))
                .build();
        OkHttpClient sendHttp = pollHttp.newBuilder().readTimeout(Duration.ofSeconds(30)).build();
        LongPoller poller = null;
        UpdateDispatcher updates = null;
        try {
            OkHttpTelegramClient client = new OkHttpTelegramClient(sendHttp, token, url);
            User me = client.execute(new GetMe());
            String username = me.getUserName();
            SendRateLimiter limiter = new SendRateLimiter(config.maxMessagesPerSecond(), config.chatInterval(),
                    config.groupMessagesPerMinute());
            connection.connect(client, limiter, username);
            publishCommands(client, menu);
            sender.start(client, limiter, config.senderThreads());
            updates = new UpdateDispatcher(handler, inbox, durability, config.handlerThreads(), config.userBurst(),
                    config.userRate());
            // What a crash left unhandled goes before anything new, once there are prices to trade at.
            if (inbox.size() > 0 && !prices.awaitFirstPoll(REPLAY_WAITS_FOR_PRICES)) {
                LOG.warn("No mark prices yet; handling the updates left from the last run anyway");
            }
            updates.replayPending();
            String how;
            if (webhookSecret != null) {
                String webhookUrl = config.webhook().url().orElseThrow().strip();
                client.execute(SetWebhook.builder().url(webhookUrl).secretToken(webhookSecret.value())
                        .allowedUpdates(ALLOWED_UPDATES).maxConnections(config.webhook().maxConnections()).build());
                status.webhookRegistered();
                webhookDispatcher = updates;
                how = "webhook " + webhookUrl;
            } else {
                client.execute(new DeleteWebhook()); // polling and a webhook exclude each other (409)
                poller = new LongPoller(pollHttp, botApi(url, token), POLL_TIMEOUT_SECONDS, ALLOWED_UPDATES,
                        countingPolled(updates));
                how = "long polling";
            }
            session = new Session(poller, updates, pollHttp);
            lastStartFailure = null;
            status.started();
            LOG.infof("Telegram bot @%s started with %d commands, %s (%s://%s:%d)", username, menu.size(), how,
                    url.getSchema(), url.getHost(), url.getPort());
        } catch (Exception e) {
            release(new Session(poller, updates, pollHttp));
            String why = StartFailure.explain(e, url.getHost() + ":" + url.getPort(), token);
            if (StartFailure.tokenRejected(e)) {
                LOG.errorf("%s. The bot stays off, the rest of the service runs.", why);
                status.notRunning(why);
                return;
            }
            // The same reason every 30 s tells nothing new: log it again only when it changes.
            if (!why.equals(lastStartFailure)) {
                LOG.warnf("Telegram bot could not start: %s. Retrying every %d s (logged again when the reason "
                        + "changes; /q/health/ready and /status show it meanwhile)", why, RETRY_SECONDS);
            } else {
                LOG.debugf("Telegram bot still cannot start: %s", why);
            }
            lastStartFailure = why;
            status.notRunning("could not start: " + why + "; retrying every " + RETRY_SECONDS + " s");
            scheduleRetry();
        }
    }

    /**
     * Hands an update that arrived at the webhook endpoint to the running bot's dispatcher (same
     * per-chat order and update_id dedupe as long polling).
     *
     * @return completes when the update has been handled; fails with {@link RejectedExecutionException}
     *         if no webhook-mode bot is running right now
     */
    public CompletableFuture<Void> acceptWebhookUpdate(ReceivedUpdate update) {
        UpdateDispatcher target = webhookDispatcher;
        if (target == null) {
            return CompletableFuture.failedFuture(new RejectedExecutionException("the bot is not running"));
        }
        metrics.updatesReceived("webhook", 1);
        return target.dispatch(update);
    }

    /** The configured webhook secret; empty unless the bot is configured for webhook mode. */
    public Optional<WebhookSecret> webhookSecret() {
        return Optional.ofNullable(webhookSecret);
    }

    /** Stops polling, finishes running handlers and in-flight sends, and releases every thread. */
    public synchronized void stop() {
        cancelRetry();
        if (session == null) {
            return;
        }
        Session current = session;
        session = null;
        release(current);
        status.notRunning("stopped");
        LOG.info("Telegram bot stopped");
    }

    private void release(Session current) {
        webhookDispatcher = null;
        if (current.poller() != null) {
            current.poller().close(); // aborts the long poll waiting at Telegram
        }
        if (current.dispatcher() != null) {
            current.dispatcher().close(); // lets running handlers finish
        }
        sender.stop();
        connection.disconnect();
        current.http().dispatcher().cancelAll(); // whatever call is still waiting for Telegram
        current.http().connectionPool().evictAll();
        current.http().dispatcher().executorService().shutdown();
    }

    /** The menu Telegram shows under "/" in private chats: the listed commands in table order (at most 100). */
    private List<BotCommand> commandMenu() {
        return menuOf(registry.listedInPrivate(), Language.EN);
    }

    private static List<BotCommand> menuOf(List<ChatCommand> commands, Language language) {
        return commands.stream().limit(100).map(command -> toBotCommand(command, language)).toList();
    }

    private static BotCommand toBotCommand(ChatCommand command, Language language) {
        return BotCommand.builder().command(command.name())
                .description(CommandTranslations.description(command.spec(), language)).build();
    }

    /**
     * Publishes {@code commands} as the menu of private chats (Telegram's default scope) and, in groups, only the
     * commands that are not about the sender's own account: the group's menu lists what the group shares (board,
     * leaderboard, prices, lessons). Personal commands typed in a group still work (answered privately). Each
     * language the bot speaks gets its own menus, which Telegram shows to users whose app is in that language.
     */
    private void publishCommands(OkHttpTelegramClient client, List<BotCommand> commands) {
        if (commands.isEmpty()) {
            return;
        }
        try {
            for (Language language : Language.values()) {
                String code = language == Language.EN ? null : language.code();
                client.execute(SetMyCommands.builder().languageCode(code)
                        .commands(menuOf(registry.listedInPrivate(), language)).build());
                List<BotCommand> groupMenu = menuOf(registry.listedInGroups(), language);
                if (!groupMenu.isEmpty()) {
                    client.execute(SetMyCommands.builder().commands(groupMenu).languageCode(code)
                            .scope(BotCommandScopeAllGroupChats.builder().build()).build());
                }
            }
        } catch (Exception e) {
            LOG.warnf("Could not publish the command menu (setMyCommands): %s", e.getMessage());
        }
    }

    /** The dispatcher as the poller's consumer, counting what arrives. */
    private Consumer<List<ReceivedUpdate>> countingPolled(UpdateDispatcher updates) {
        return batch -> {
            metrics.updatesReceived("polling", batch.size());
            updates.consume(batch);
        };
    }

    private static void checkWebhookUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("sentinel.telegram.webhook.url is not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "sentinel.telegram.webhook.url must be an absolute https:// URL: " + url);
        }
    }

    /** {@code <scheme>://<host>:<port>/bot<token>/}, where TelegramBots' client sends its calls too. */
    private static HttpUrl botApi(TelegramUrl url, String token) {
        return new HttpUrl.Builder().scheme(url.getSchema()).host(url.getHost()).port(url.getPort())
                .addPathSegment("bot" + token).addPathSegment("").build();
    }

    private String token() {
        return config.token().map(String::strip).filter(t -> !t.isEmpty()).orElse(null);
    }

    private void scheduleRetry() {
        if (retrier == null) {
            retrier = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "telegram-start-retry");
                thread.setDaemon(true);
                return thread;
            });
        }
        pendingRetry = retrier.schedule(this::start, RETRY_SECONDS, TimeUnit.SECONDS);
    }

    private void cancelRetry() {
        if (pendingRetry != null) {
            pendingRetry.cancel(false);
            pendingRetry = null;
        }
    }
}
