package org.marginsentinel.adapter.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.marginsentinel.application.watch.WatchStore;
import org.marginsentinel.application.watch.WatchedAccount;
import org.marginsentinel.domain.watch.Availability;
import org.marginsentinel.domain.watch.HyperliquidAddress;
import org.marginsentinel.domain.watch.WatchedAccountState;

/** Watched accounts in {@code watched_account}; the last answer is kept as JSON of the domain record. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class PanacheWatchStore implements WatchStore {

    static final String HYPERLIQUID = "hyperliquid";

    @Inject
    ObjectMapper mapper;

    @Override
    public List<WatchedAccount> all() {
        return WatchedAccountEntity.<WatchedAccountEntity>listAll(Sort.by("id")).stream().map(this::toAccount).toList();
    }

    @Override
    public WatchedAccount add(long userId, HyperliquidAddress address, WatchedAccountState state, Instant at) {
        WatchedAccountEntity entity = new WatchedAccountEntity();
        entity.userId = userId;
        entity.venue = HYPERLIQUID;
        entity.address = address.value();
        entity.createdAt = at;
        entity.lastSuccessAt = at;
        entity.lastState = write(state);
        entity.outageTold = false;
        entity.persist();
        return toAccount(entity);
    }

    @Override
    public void save(WatchedAccount account) {
        WatchedAccountEntity entity = WatchedAccountEntity.findById(account.id());
        if (entity == null) {
            return;
        }
        entity.lastSuccessAt = account.lastSuccess();
        entity.lastState = write(account.state());
        entity.unavailableSince = account.availability().unavailableSince();
        entity.outageTold = account.availability().told();
    }

    @Override
    public void remove(long id) {
        WatchedAccountEntity.deleteById(id);
    }

    private WatchedAccount toAccount(WatchedAccountEntity entity) {
        return new WatchedAccount(entity.id, entity.userId, new HyperliquidAddress(entity.address), entity.createdAt,
                entity.lastSuccessAt, read(entity.lastState),
                new Availability(entity.unavailableSince, entity.outageTold));
    }

    private String write(WatchedAccountState state) {
        try {
            return mapper.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store a watched account's state", e);
        }
    }

    private WatchedAccountState read(String json) {
        try {
            return mapper.readValue(json, WatchedAccountState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored watched account state unreadable", e);
        }
    }
}
