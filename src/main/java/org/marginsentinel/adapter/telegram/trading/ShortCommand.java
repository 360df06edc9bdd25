package org.marginsentinel.adapter.telegram.trading;

import jakarta.enterprise.context.ApplicationScoped;
import org.marginsentinel.domain.margin.Side;

@ApplicationScoped
public class ShortCommand extends OpenCommand {

    public ShortCommand() {
        super(Side.SHORT, "/short ETH $2000 5x cross", 21);
    }
}
