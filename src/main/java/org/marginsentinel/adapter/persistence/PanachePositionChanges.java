package org.marginsentinel.adapter.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.marginsentinel.application.port.PositionChanges;

/** The latest close or change of a user's positions, from paper_position: one aggregate query. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PanachePositionChanges implements PositionChanges {

    @Override
    public Optional<Instant> lastChangeAfterOpening(long userId) {
        Object[] latest = PositionEntity.getEntityManager()
                .createQuery("select max(p.closedAt), max(p.changedAt) from PositionEntity p where p.userId = ?1",
                        Object[].class)
                .setParameter(1, userId).getSingleResult();
        return Stream.of(latest).filter(Instant.class::isInstance).map(Instant.class::cast)
                .max(Instant::compareTo);
    }
}
