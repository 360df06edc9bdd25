package org.marginsentinel.adapter.telegram.trading;

import jakarta.enterprise.context.ApplicationScoped;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.domain.margin.Side;

@ApplicationScoped
public class LongCommand extends OpenCommand {

    public LongCommand() {
        super(Side.LONG, CommandTable.LONG);
    }
}
