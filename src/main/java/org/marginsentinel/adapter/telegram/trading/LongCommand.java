package org.marginsentinel.adapter.telegram.trading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.marginsentinel.application.PaperTrading;
import org.marginsentinel.domain.margin.Side;

@ApplicationScoped
public class LongCommand extends OpenCommand {

    @Inject
    PaperTrading trading;

    @Override
    PaperTrading trading() {
        return trading;
    }

    @Override
    Side side() {
        return Side.LONG;
    }

    @Override
    public String example() {
        return "/long BTC 0.01 20x";
    }

    @Override
    public String description() {
        return "Open or add to a long position (size in coins or $USDT, default 10x isolated at the mark)";
    }

    @Override
    public int helpOrder() {
        return 20;
    }
}
