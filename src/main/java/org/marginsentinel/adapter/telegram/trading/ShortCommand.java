package org.marginsentinel.adapter.telegram.trading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.marginsentinel.application.PaperTrading;
import org.marginsentinel.domain.margin.Side;

@ApplicationScoped
public class ShortCommand extends OpenCommand {

    @Inject
    PaperTrading trading;

    @Override
    PaperTrading trading() {
        return trading;
    }

    @Override
    Side side() {
        return Side.SHORT;
    }

    @Override
    public String example() {
        return "/short ETH $2000 5x cross";
    }

    @Override
    public String description() {
        return "Open or add to a short position (size in coins or $USDT, default 10x isolated at the mark)";
    }

    @Override
    public int helpOrder() {
        return 21;
    }
}
