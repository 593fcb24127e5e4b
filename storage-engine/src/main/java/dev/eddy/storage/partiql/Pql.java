package dev.eddy.storage.partiql;

import java.util.List;

/**
 * The syntax tree of the PartiQL subset DynamoDB accepts: four statements (plus EXISTS for
 * transactions) over expressions. Values inside the tree are not converted yet: literals are
 * bound to attribute values (with the statement's parameters) by {@link Binder}.
 */
public final class Pql {
  private Pql() {}

  /** An expression. */
  public interface Expr {}

  /** A document path: names (String) and list indexes (Integer), first element a name. */
  public record PathExpr(List<Object> elements) implements Expr {
    /** The name DynamoDB gives a projected path in results: its last name plus any indexes after it. */
    public String resultName() {
      int lastName = 0;
      for (int i = 0; i < elements.size(); i++) {
        if (elements.get(i) instanceof String) {
          lastName = i;
        }
      }
      StringBuilder sb = new StringBuilder((String) elements.get(lastName));
      for (int i = lastName + 1; i < elements.size(); i++) {
        sb.append('[').append(elements.get(i)).append(']');
      }
      return sb.toString();
    }
  }

  /** A string literal. */
  public record Str(String value) implements Expr {}

  /** A number literal as written (checked against DynamoDB's number rules when bound). */
  public record Num(String text) implements Expr {}

  /** TRUE or FALSE. */
  public record Bool(boolean value) implements Expr {}

  /** NULL. */
  public record Null() implements Expr {}

  /** MISSING. */
  public record Missing() implements Expr {}

  /** A ? parameter, numbered from 0 in statement order. */
  public record Param(int index) implements Expr {}

  /** {'k': v, ...}: keys are string literals. */
  public record MapExpr(List<String> keys, List<Expr> values) implements Expr {}

  /** [v, ...]. */
  public record ListExpr(List<Expr> values) implements Expr {}

  /** &lt;&lt;v, ...&gt;&gt;: a string, number or binary set. */
  public record SetExpr(List<Expr> values) implements Expr {}

  /** A binary operator: = &lt;&gt; != &lt; &lt;= &gt; &gt;= + - AND OR. */
  public record Binary(String op, Expr left, Expr right) implements Expr {}

  public record Not(Expr inner) implements Expr {}

  public record Between(Expr value, Expr low, Expr high) implements Expr {}

  /** value IN [a, b, ...] (or IN (a, b)). */
  public record In(Expr value, List<Expr> list) implements Expr {}

  /** value IS [NOT] MISSING / NULL / another type name. */
  public record Is(Expr value, String type, boolean negated) implements Expr {}

  /**
   * A function call (name in lower case). {@code at} is where the name stands in the statement
   * and {@code argsAt} where each argument does, as DynamoDB writes positions in its messages:
   * line:column:length, counted in characters from 1.
   */
  public record Call(String name, List<Expr> args, String at, List<String> argsAt) implements Expr {}

  // ---- statements ----

  /** A statement. */
  public interface Statement {
    /** The table it names. */
    String table();

    /** Its WHERE clause, or null. */
    default Expr where() {
      return null;
    }
  }

  /** One ORDER BY key. */
  public record Order(PathExpr key, boolean descending) {}

  /** SELECT; projection null means *. */
  /**
   * A SELECT. {@code countAll} marks {@code SELECT COUNT(*)}, which DynamoDB parses and refuses
   * only after it has looked at the table and index.
   */
  public record Select(List<Expr> projection, String table, String index, Expr where, List<Order> orderBy,
      boolean countAll) implements Statement {
    public Select(List<Expr> projection, String table, String index, Expr where, List<Order> orderBy) {
      this(projection, table, index, where, orderBy, false);
    }
  }

  public record Insert(String table, Expr value) implements Statement {}

  /** One SET or REMOVE action of an UPDATE (value null for REMOVE). */
  public record Action(boolean remove, PathExpr target, Expr value) {}

  /** UPDATE; returning is e.g. "ALL NEW" or null. */
  public record Update(String table, String index, List<Action> actions, Expr where, String returning)
      implements Statement {}

  public record Delete(String table, String index, Expr where, String returning) implements Statement {}

  /** EXISTS(SELECT ...): a condition check inside ExecuteTransaction. */
  public record Exists(Select select) implements Statement {
    @Override
    public String table() {
      return select.table();
    }

    @Override
    public Expr where() {
      return select.where();
    }
  }
}
