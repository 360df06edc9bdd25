package org.marginsentinel.adapter.telegram.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MessageChunkerTest {

    private static final Pattern TAG = Pattern.compile("<(/?)([a-z-]+)[^>]*>");

    @Test
    void split_shortText_isOnePart() {
        assertThat(MessageChunker.split("hello\nworld", 100)).containsExactly("hello\nworld");
    }

    @Test
    void split_blankOrNull_isNoPart() {
        assertThat(MessageChunker.split("  \n ", 100)).isEmpty();
        assertThat(MessageChunker.split(null, 100)).isEmpty();
    }

    @Test
    void split_onLineBoundaries_dropsTheBreakItSplitsOn() {
        String html = "aaaa\nbbbb\ncccc\ndddd";
        assertThat(MessageChunker.split(html, 16)).containsExactly("aaaa\nbbbb\ncccc", "dddd");
    }

    @Test
    void split_fillsEachPartAsFarAsWholeLinesAllow() {
        String html = IntStream.range(0, 100).mapToObj(i -> "line number " + i).collect(Collectors.joining("\n"));
        List<String> parts = MessageChunker.split(html, 200);
        assertThat(parts).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(200));
        assertThat(String.join("\n", parts)).isEqualTo(html);
        assertThat(parts).allSatisfy(part -> assertThat(part).doesNotStartWith("\n").doesNotEndWith("\n"));
        // Greedy: adding the next line would have overflowed.
        for (int i = 0; i < parts.size() - 1; i++) {
            String nextLine = parts.get(i + 1).split("\n", 2)[0];
            assertThat(parts.get(i).length() + 1 + nextLine.length()).isGreaterThan(200);
        }
    }

    @Test
    void split_longLineWithoutBreaks_splitsAfterSpaces() {
        String html = "word ".repeat(10).trim(); // 49 chars
        List<String> parts = MessageChunker.split(html, 20);
        assertThat(parts).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(20));
        assertThat(String.join("", parts)).isEqualTo(html);
        assertThat(parts.get(0)).isEqualTo("word word word word ");
    }

    @Test
    void split_neverInsideATagOrEntity() {
        String html = "x".repeat(15) + "<a href=\"https://example.com/very/long\">link</a>&amp;&lt;" + "y".repeat(30);
        List<String> parts = MessageChunker.split(html, 60);
        assertThat(parts).allSatisfy(part -> {
            assertThat(part.length()).isLessThanOrEqualTo(60);
            assertBalanced(part);
            assertThat(part).doesNotMatch("(?s).*&[a-z]*$").doesNotMatch("(?s)^[a-z]*;.*");
        });
        assertThat(String.join("", parts).replace("</a><a href=\"https://example.com/very/long\">", ""))
                .isEqualTo(html);
    }

    @Test
    void split_tagOpenAcrossLines_isClosedAndReopened() {
        String html = "<b>Positions</b>\n<pre>" + IntStream.range(0, 30).mapToObj(i -> "row " + i)
                .collect(Collectors.joining("\n")) + "</pre>\nend";
        List<String> parts = MessageChunker.split(html, 80);
        assertThat(parts).hasSizeGreaterThan(2);
        assertThat(parts).allSatisfy(part -> {
            assertThat(part.length()).isLessThanOrEqualTo(80);
            assertBalanced(part);
        });
        assertThat(parts.get(1)).startsWith("<pre>row");
        assertThat(parts.get(0)).endsWith("</pre>");
        assertThat(parts.get(parts.size() - 1)).endsWith("end");
    }

    @Test
    void split_nestedTags_reopenInOrder() {
        String html = "<b><i>" + "a\n".repeat(20) + "</i></b>";
        List<String> parts = MessageChunker.split(html, 24);
        assertThat(parts).allSatisfy(part -> {
            assertThat(part.length()).isLessThanOrEqualTo(24);
            assertThat(part).startsWith("<b><i>").endsWith("</i></b>");
            assertBalanced(part);
        });
    }

    @Test
    void split_keepsSurrogatePairsTogether() {
        String html = "📈".repeat(30); // 60 UTF-16 units, no spaces
        List<String> parts = MessageChunker.split(html, 17);
        assertThat(parts).allSatisfy(part -> {
            assertThat(part.length()).isLessThanOrEqualTo(17);
            assertThat(Character.isLowSurrogate(part.charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).isFalse();
        });
        assertThat(String.join("", parts)).isEqualTo(html);
    }

    @Test
    void split_skipsEmptyLinesAtPartBoundaries() {
        String html = "first paragraph here\n\n\n\nsecond paragraph";
        assertThat(MessageChunker.split(html, 24)).containsExactly("first paragraph here", "second paragraph");
    }

    @Test
    void split_telegramLimit_byDefault() {
        String html = ("x".repeat(99) + "\n").repeat(100);
        assertThat(MessageChunker.split(html)).hasSize(3)
                .allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(4096));
    }

    @Test
    void split_tinyLimit_isRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> MessageChunker.split("abc", 5));
    }

    private static void assertBalanced(String part) {
        Matcher m = TAG.matcher(part);
        java.util.ArrayDeque<String> stack = new java.util.ArrayDeque<>();
        while (m.find()) {
            if (m.group(1).isEmpty()) {
                stack.push(m.group(2));
            } else {
                assertThat(stack).as("closing %s in %s", m.group(2), part).isNotEmpty();
                assertThat(stack.pop()).isEqualTo(m.group(2));
            }
        }
        assertThat(stack).as("unclosed tags in %s", part).isEmpty();
    }
}
