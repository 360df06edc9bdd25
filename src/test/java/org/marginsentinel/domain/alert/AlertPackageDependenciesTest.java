package org.marginsentinel.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The alert package is pure domain: it may use the JDK and other domain packages, nothing else. */
class AlertPackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/marginsentinel/domain/alert");

    @Test
    void imports_everySourceFile_onlyJavaAndDomain() throws IOException {
        List<String> offending;
        try (Stream<Path> files = Files.list(SOURCES)) {
            offending = files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(AlertPackageDependenciesTest::imports)
                    .filter(line -> !line.startsWith("import java.")
                            && !line.startsWith("import org.marginsentinel.domain."))
                    .collect(Collectors.toList());
        }

        assertThat(offending).isEmpty();
    }

    @Test
    void imports_sourcesFound_theScanIsNotVacuous() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            assertThat(files.filter(file -> file.toString().endsWith(".java")).count()).isGreaterThan(15);
        }
    }

    private static Stream<String> imports(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::trim)
                    .filter(line -> line.startsWith("import "))
                    .map(line -> line.replace("import static ", "import "));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
