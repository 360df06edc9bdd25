package org.marginsentinel.domain.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The community package is pure domain: the JDK and other domain packages, nothing else. */
class CommunityPackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/marginsentinel/domain/community");

    @Test
    void imports_everySourceFile_onlyJavaAndDomain() throws IOException {
        List<String> imports;
        try (Stream<Path> files = Files.list(SOURCES)) {
            imports = files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(CommunityPackageDependenciesTest::imports).toList();
        }

        assertThat(imports).as("the scan found the sources").isNotEmpty();
        assertThat(imports).allMatch(line -> line.startsWith("import java.")
                || line.startsWith("import org.marginsentinel.domain."));
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
