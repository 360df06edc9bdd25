package org.marginsentinel.adapter.telegram.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits Telegram HTML into messages of at most {@code maxChars} characters (Telegram allows 4096).
 *
 * <p>Rules, in order of preference: split between lines; if one line alone is too long, split
 * after a space; only if there is none, split anywhere. It never splits inside a tag
 * ({@code <a href="…">}) or an entity ({@code &amp;}) or a surrogate pair. Tags still open at a
 * split point are closed at the end of one part and re-opened at the start of the next, so every
 * part is valid HTML on its own ({@code <pre>} blocks survive a split). The line break a split
 * happens on is dropped, and empty parts are never returned.
 *
 * <p>Length is counted on the raw HTML, tags included. That is stricter than Telegram (which
 * counts after parsing) and therefore always safe.
 */
public final class MessageChunker {

    /** Telegram's limit for message text and edits. */
    public static final int TELEGRAM_LIMIT = 4096;

    private MessageChunker() {
    }

    /** Splits with Telegram's limit of {@value #TELEGRAM_LIMIT}. */
    public static List<String> split(String html) {
        return split(html, TELEGRAM_LIMIT);
    }

    public static List<String> split(String html, int maxChars) {
        if (maxChars < 16) {
            throw new IllegalArgumentException("maxChars must be at least 16, was " + maxChars);
        }
        if (html == null || html.isBlank()) {
            return List.of();
        }
        if (html.length() <= maxChars) {
            return List.of(html);
        }
        List<Atom> atoms = tokenize(html);
        List<String> parts = new ArrayList<>();
        List<Atom> open = new ArrayList<>();
        int i = 0;
        while (i < atoms.size()) {
            while (i < atoms.size() && atoms.get(i).kind == Kind.NEWLINE) {
                i++;
            }
            if (i >= atoms.size()) {
                break;
            }
            String prefix = openingTags(html, open);
            List<Atom> stack = new ArrayList<>(open);
            int length = prefix.length();
            int lastLine = -1;
            List<Atom> stackAtLine = null;
            int lastSpace = -1;
            List<Atom> stackAtSpace = null;
            int j = i;
            while (j < atoms.size()) {
                Atom atom = atoms.get(j);
                List<Atom> next = apply(stack, atom);
                int needed = length + atom.length() + closingLength(next);
                if (needed > maxChars && j > i) {
                    break;
                }
                if (atom.kind == Kind.NEWLINE && j > i) {
                    lastLine = j;
                    stackAtLine = stack;
                }
                stack = next;
                length += atom.length();
                j++;
                if (atom.kind == Kind.SPACE) {
                    lastSpace = j;
                    stackAtSpace = stack;
                }
            }
            int end;
            List<Atom> endStack;
            if (j >= atoms.size() || atoms.get(j).kind == Kind.NEWLINE) {
                end = j;
                endStack = stack;
            } else if (lastLine > i) {
                end = lastLine;
                endStack = stackAtLine;
            } else if (lastSpace > i) {
                end = lastSpace;
                endStack = stackAtSpace;
            } else {
                end = j;
                endStack = stack;
            }
            int textEnd = end;
            while (textEnd > i && atoms.get(textEnd - 1).kind == Kind.NEWLINE) {
                textEnd--;
            }
            String body = html.substring(atoms.get(i).start, atoms.get(textEnd - 1).end);
            String part = prefix + body + closingTags(endStack);
            if (!part.isBlank()) {
                parts.add(part);
            }
            open = endStack;
            i = end;
        }
        return List.copyOf(parts);
    }

    private enum Kind { TEXT, SPACE, NEWLINE, TAG, ENTITY }

    /** An unsplittable piece of the input: a character (or surrogate pair), a tag or an entity. */
    private record Atom(int start, int end, Kind kind, String tagName, boolean closingTag) {
        int length() {
            return end - start;
        }
    }

    private static List<Atom> tokenize(String html) {
        List<Atom> atoms = new ArrayList<>(html.length());
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                int close = html.indexOf('>', i);
                if (close > i + 1) {
                    boolean closing = html.charAt(i + 1) == '/';
                    int nameStart = closing ? i + 2 : i + 1;
                    int nameEnd = nameStart;
                    while (nameEnd < close && !Character.isWhitespace(html.charAt(nameEnd))
                            && html.charAt(nameEnd) != '/') {
                        nameEnd++;
                    }
                    String name = html.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
                    atoms.add(new Atom(i, close + 1, Kind.TAG, name, closing));
                    i = close + 1;
                    continue;
                }
            } else if (c == '&') {
                int end = entityEnd(html, i);
                if (end > 0) {
                    atoms.add(new Atom(i, end, Kind.ENTITY, null, false));
                    i = end;
                    continue;
                }
            } else if (Character.isHighSurrogate(c) && i + 1 < html.length()
                    && Character.isLowSurrogate(html.charAt(i + 1))) {
                atoms.add(new Atom(i, i + 2, Kind.TEXT, null, false));
                i += 2;
                continue;
            }
            Kind kind = c == '\n' ? Kind.NEWLINE : Character.isWhitespace(c) ? Kind.SPACE : Kind.TEXT;
            atoms.add(new Atom(i, i + 1, kind, null, false));
            i++;
        }
        return atoms;
    }

    /** End index (exclusive) of an entity such as {@code &amp;} or {@code &#128200;} at {@code start}, or -1. */
    private static int entityEnd(String html, int start) {
        int limit = Math.min(html.length(), start + 12);
        for (int k = start + 1; k < limit; k++) {
            char c = html.charAt(k);
            if (c == ';') {
                return k > start + 1 ? k + 1 : -1;
            }
            if (!Character.isLetterOrDigit(c) && c != '#') {
                return -1;
            }
        }
        return -1;
    }

    /** The stack of open tags after {@code atom}; returns {@code stack} itself when unchanged. */
    private static List<Atom> apply(List<Atom> stack, Atom atom) {
        if (atom.kind != Kind.TAG) {
            return stack;
        }
        List<Atom> next = new ArrayList<>(stack);
        if (!atom.closingTag) {
            next.add(atom);
            return next;
        }
        for (int k = next.size() - 1; k >= 0; k--) {
            if (next.get(k).tagName.equals(atom.tagName)) {
                next.subList(k, next.size()).clear();
                break;
            }
        }
        return next;
    }

    private static String openingTags(String html, List<Atom> stack) {
        StringBuilder out = new StringBuilder();
        for (Atom tag : stack) {
            out.append(html, tag.start, tag.end);
        }
        return out.toString();
    }

    private static String closingTags(List<Atom> stack) {
        StringBuilder out = new StringBuilder();
        for (int k = stack.size() - 1; k >= 0; k--) {
            out.append("</").append(stack.get(k).tagName).append('>');
        }
        return out.toString();
    }

    private static int closingLength(List<Atom> stack) {
        int length = 0;
        for (Atom tag : stack) {
            length += tag.tagName.length() + 3;
        }
        return length;
    }
}
