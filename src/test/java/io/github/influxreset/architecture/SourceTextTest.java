package io.github.influxreset.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the product's source text must look like where the compiler does not care (docs/ARCHITECTURE.md). */
class SourceTextTest {
    private static final Path SOURCES = Path.of("src/main/java");
    /** A package name followed by a type name: {@code java.util.List}, {@code io.github.influxreset.domain.Profile}. */
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.@])(?:java|javax|javafx|io\\.github\\.influxreset|com|org|picocli)(?:\\.[a-z_][a-z0-9_]*)+\\.[A-Z]\\w*");
    private static final Pattern COMMENTS_AND_LITERALS = Pattern.compile(
            "/\\*.*?\\*/|//[^\\n]*|\"\"\".*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'", Pattern.DOTALL);

    /** Types are imported, not named in full in the code (comments and strings may name them as they like). */
    @Test
    void codeNamesNoTypeByItsFullName() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> found.addAll(qualifiedNames(f)));
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theCheckFindsAFullNameInCodeButNotInCommentsOrStrings() {
        String text = "import java.util.List;\n/** {@link java.util.Map} */\nclass A { java.util.Set<String> s = "
                + "Set.of(\"java.util.Queue\"); // java.util.Deque\n}\n";
        assertEquals(List.of("A.java:3 java.util.Set"), qualifiedNames("A.java", text));
    }

    private static List<String> qualifiedNames(Path file) {
        try {
            return qualifiedNames(SOURCES.relativize(file).toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each full type name in the code, as "FILE:LINE NAME"; imports, comments and literals left out. */
    private static List<String> qualifiedNames(String name, String text) {
        StringBuilder code = new StringBuilder();
        Matcher blank = COMMENTS_AND_LITERALS.matcher(text);
        while (blank.find()) {
            blank.appendReplacement(code, Matcher.quoteReplacement(blank.group().replaceAll("[^\\n]", " ")));
        }
        blank.appendTail(code);
        List<String> found = new ArrayList<>();
        String[] lines = code.toString().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("import ") || line.startsWith("package ")) {
                continue;
            }
            Matcher qualified = QUALIFIED.matcher(lines[i]);
            while (qualified.find()) {
                found.add(name + ":" + (i + 1) + " " + qualified.group());
            }
        }
        return found;
    }
}
