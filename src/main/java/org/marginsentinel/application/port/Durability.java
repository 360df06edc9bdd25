package org.marginsentinel.application.port;

import java.sql.SQLException;

/**
 * Makes the commits so far survive a killed process. Whatever tells the outside world (a message to Telegram, the
 * poll that confirms received updates, a webhook's answer) calls {@link #flush()} first, so nobody outside hears of
 * a change the database could still lose. The database adapter decides how (group commit on the embedded H2).
 */
public interface Durability {

    /**
     * Returns once every transaction committed before the call survives a killed process.
     *
     * @throws SQLException when the database cannot write; then nothing may be told outside
     */
    void flush() throws SQLException;
}
