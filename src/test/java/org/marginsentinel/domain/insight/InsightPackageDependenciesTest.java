package org.marginsentinel.domain.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The insight package is pure domain: the JDK, other domain packages and the statistics library only. */
class InsightPackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/marginsentinel/domain/insight");

    @Test
    void imports_everySourceFile_onlyJavaDomainAndStatistics() throws IOException {
        List<String> offending;
        List<Path> sources;
        try (Stream<Path> files = Files.list(SOURCES)) {
            sources = files.filter(file -> file.toString().endsWith(".java")).toList();
        }
        offending = sources.stream().flatMap(InsightPackageDependenciesTest::imports)
                .filter(line -> !line.startsWith("import java.")
                        && !line.startsWith("import org.marginsentinel.domain.")
                        && !line.startsWith("import org.apache.commons.statistics."))
                .toList();

        assertThat(sources).hasSizeGreaterThan(10);
        assertThat(offending).isEmpty();
    }

    private static Stream<String> imports(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::trim).filter(line -> line.startsWith("import "))
                    .map(line -> line.replace("import static ", "import "));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
