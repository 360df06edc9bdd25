package org.marginsentinel.adapter.keyed.fake;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.util.concurrent.atomic.AtomicInteger;
import org.marginsentinel.application.port.KeyedAccountReader;
import org.marginsentinel.domain.watch.keyed.ApiKey;
import org.marginsentinel.domain.watch.keyed.KeyPermissions;

/**
 * In the application under test: counts the key checks ({@link KeyedAccountReader#permissions}, the first call to
 * the exchange of {@code /watch <exchange> <key> …}) made inside and outside a database transaction, so a test
 * can show that the exchange is asked before the command's transaction opens.
 */
@Decorator
@Priority(1)
public abstract class TransactionProbe implements KeyedAccountReader {

    public static final AtomicInteger INSIDE = new AtomicInteger();
    public static final AtomicInteger OUTSIDE = new AtomicInteger();

    @Inject
    @Delegate
    @Any
    KeyedAccountReader delegate;

    @Inject
    TransactionManager transactions;

    @Override
    public KeyPermissions permissions(ApiKey key) {
        try {
            (transactions.getStatus() == Status.STATUS_NO_TRANSACTION ? OUTSIDE : INSIDE).incrementAndGet();
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
        return delegate.permissions(key);
    }
}
