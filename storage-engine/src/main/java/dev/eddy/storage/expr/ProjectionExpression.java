package dev.eddy.storage.expr;

import dev.eddy.api.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** A parsed ProjectionExpression (or legacy AttributesToGet): which document paths to return. */
public final class ProjectionExpression {
  private final List<Path> paths;
  private final PathTrie trie;
  private final List<String> topLevel;
  private final Set<String> topLevelSet;

  ProjectionExpression(List<Path> paths) {
    this.paths = List.copyOf(paths);
    this.trie = PathTrie.of(this.paths);
    this.topLevel = this.paths.stream().map(Path::head).distinct().toList();
    this.topLevelSet = Set.copyOf(topLevel);
  }

  /** Parses "a, b.c[2], #n"; throws ValidationException "Invalid ProjectionExpression: ...". */
  public static ProjectionExpression parse(String text, ExpressionContext ctx) {
    Objects.requireNonNull(ctx, "ctx");
    return new ProjectionExpression(Checker.checkProjection(Parser.parseProjection(text), ctx));
  }

  /** The projected paths, in request order. */
  public List<Path> paths() {
    return paths;
  }

  /** The distinct top-level attribute names the projection reads (e.g. to check index projections). */
  public List<String> topLevelAttributes() {
    return topLevel;
  }

  /** The same names as a set: what a decoder of stored items needs to read (the rest is skipped). */
  public Set<String> topLevelAttributeSet() {
    return topLevelSet;
  }

  /**
   * The item restricted to the paths: nested maps keep only the chosen members, lists only the
   * chosen elements (in index order); missing paths are left out. Null item gives an empty map.
   */
  public Map<String, AttributeValue> project(Map<String, AttributeValue> item) {
    return trie.project(item);
  }
}
