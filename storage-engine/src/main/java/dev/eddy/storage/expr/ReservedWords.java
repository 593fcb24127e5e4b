package dev.eddy.storage.expr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** DynamoDB's reserved words (developer guide, "Reserved words in DynamoDB"), case-insensitive. */
final class ReservedWords {
  private static final Set<String> WORDS = load();

  private ReservedWords() {}

  static boolean isReserved(String name) {
    return WORDS.contains(name.toUpperCase(Locale.ROOT));
  }

  static int count() {
    return WORDS.size();
  }

  private static Set<String> load() {
    try (InputStream in = ReservedWords.class.getResourceAsStream("reserved-words.txt")) {
      if (in == null) {
        throw new IllegalStateException("reserved-words.txt missing");
      }
      Set<String> words = new HashSet<>();
      for (String w : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\s+")) {
        if (!w.isEmpty()) {
          words.add(w);
        }
      }
      return Set.copyOf(words);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
