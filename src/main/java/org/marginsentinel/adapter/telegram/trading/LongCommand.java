package org.marginsentinel.adapter.telegram.trading;

import jakarta.enterprise.context.ApplicationScoped;
import org.marginsentinel.domain.margin.Side;

@ApplicationScoped
public class LongCommand extends OpenCommand {

    public LongCommand() {
        super(Side.LONG, "/long BTC 0.01 20x", 20);
    }
}
