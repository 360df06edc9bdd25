package org.marginsentinel.application.watch;

import java.util.Set;
import org.marginsentinel.application.port.AlertStore;
import org.marginsentinel.domain.watch.keyed.KeyedValuer;
import org.marginsentinel.testsupport.fakes.FakeVolatilities;

/**
 * {@link KeyedWarnings} wired as the container wires it, over in-memory parts and one exchange's valuer (no reader:
 * these tests hand the account's answers in themselves), for the plain tests of keyed accounts.
 */
final class KeyedWarningsRig {

    final WatchBook watchBook = new WatchBook();
    final WatchDrains drains = new WatchDrains();
    final KeyedWarnings warnings = new KeyedWarnings();

    KeyedWarningsRig(KeyedBook book, AlertStore alerts, DrainEpisodes episodes, KeyedNotifier notifier,
                     KeyedValuer valuer) {
        watchBook.keyed = book;
        WatchWarnings levels = new WatchWarnings();
        levels.alerts = alerts;
        drains.episodes = episodes;
        drains.load();
        warnings.book = book;
        warnings.watchBook = watchBook;
        warnings.warnings = levels;
        warnings.notifier = notifier;
        warnings.drains = drains;
        warnings.volatilities = new FakeVolatilities();
        warnings.adlWarnings = new NoAdlWarnings();
        warnings.exchanges = ValuersOnly.of(valuer);
    }

    /** Remembers no ADL warning: every test account starts untold. */
    private static final class NoAdlWarnings implements AdlWarnings {
        @Override
        public Set<String> all() {
            return Set.of();
        }

        @Override
        public void told(long accountId, String subject) {
        }

        @Override
        public void cleared(String subject) {
        }
    }
}
