package org.marginsentinel.adapter.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import org.marginsentinel.application.port.ExitKind;
import org.marginsentinel.application.port.PositionStatus;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;

@Entity
@Table(name = "paper_position")
public class PositionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "paper_position_seq")
    @SequenceGenerator(name = "paper_position_seq", sequenceName = "paper_position_seq", allocationSize = 50)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public long userId;

    @Column(nullable = false)
    public int number;

    @Column(nullable = false, length = 32)
    public String symbol;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Side side;

    @Enumerated(EnumType.STRING)
    @Column(name = "margin_mode", nullable = false, length = 8)
    public MarginMode marginMode;

    @Column(nullable = false, precision = 38, scale = 18)
    public BigDecimal quantity;

    @Column(name = "entry_price", nullable = false, precision = 38, scale = 18)
    public BigDecimal entryPrice;

    @Column(nullable = false)
    public int leverage;

    @Column(name = "isolated_margin", precision = 38, scale = 18)
    public BigDecimal isolatedMargin;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public PositionStatus status;

    @Column(name = "realized_pnl", nullable = false, precision = 38, scale = 18)
    public BigDecimal realizedPnl;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** When the open position last changed after opening (add, reduce, margin move, isolated funding); null never. */
    @Column(name = "changed_at")
    public Instant changedAt;

    /** Quantity closed so far, by every closing fill (trade history). */
    @Column(name = "closed_quantity", nullable = false, precision = 38, scale = 18)
    public BigDecimal closedQuantity = BigDecimal.ZERO;

    /** Sum of closed quantity times fill price: the average exit is this over {@link #closedQuantity}; null unknown. */
    @Column(name = "exit_value", precision = 38, scale = 18)
    public BigDecimal exitValue = BigDecimal.ZERO;

    @Enumerated(EnumType.STRING)
    @Column(name = "closed_by", length = 16)
    public ExitKind closedBy;

    /** Existed before trade history was kept: size and exit are its last fill's only. */
    @Column(name = "history_backfilled", nullable = false)
    public boolean historyBackfilled;

    @Version
    public long version;
}
