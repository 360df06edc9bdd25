/**
 * What an operator sees: readiness checks for {@code /q/health/ready} beyond the database check
 * Quarkus adds by itself ({@link org.marginsentinel.adapter.monitoring.PriceFeedReadiness}, read through the
 * {@link org.marginsentinel.application.port.MarkPriceHealth} port) and the Micrometer meters of the
 * risk engine and the price feed for {@code /q/metrics}. Telegram's own meters and readiness check live with the
 * code they measure, in {@link org.marginsentinel.adapter.telegram.delivery.TelegramMetrics} and
 * {@link org.marginsentinel.adapter.telegram.TelegramReadiness}: adapters meet only through ports. The domain and the
 * application layer know nothing of Micrometer: they fire plain CDI events
 * ({@link org.marginsentinel.application.risk.TickCompleted}) that the beans here count.
 */
package org.marginsentinel.adapter.monitoring;
