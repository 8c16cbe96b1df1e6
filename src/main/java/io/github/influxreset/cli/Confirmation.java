package io.github.influxreset.cli;

import io.github.influxreset.domain.ResetException;
import java.io.IOException;

/** Asks on stderr for a word to be typed on stdin; {@code --yes} skips the question. */
final class Confirmation {
    private Confirmation() {
    }

    /** The typed answer, or {@code word} itself when the user passed {@code --yes}. */
    static String ask(RootCommand root, boolean yes, String question, String word) {
        if (yes) {
            return word;
        }
        root.err.print(question + " Type '" + word + "' to go on: ");
        root.err.flush();
        try {
            String answer = root.in.readLine();
            return answer == null ? "" : answer.trim();
        } catch (IOException e) {
            return "";
        }
    }

    /** Asks and throws BAD_INPUT (nothing changed) unless the word was typed. */
    static void require(RootCommand root, boolean yes, String question, String word) {
        if (!ask(root, yes, question, word).equals(word)) {
            throw ResetException.badInput("Not confirmed; nothing was changed.", "Type '" + word + "' or use --yes.");
        }
    }
}
