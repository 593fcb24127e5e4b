package dev.eddy.storage.partiql;

import dev.eddy.api.ApiException;
import dev.eddy.storage.partiql.Pql.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses one PartiQL statement of the subset DynamoDB supports. Errors are ValidationExceptions
 * with DynamoDB's texts ("Statement wasn't well formed, can't be processed: Unexpected term", ...).
 */
public final class PartiQLParser {
  public static final String NOT_WELL_FORMED = "Statement wasn't well formed, can't be processed: ";

  private static final Set<String> KEYWORDS = Set.of("select", "from", "where", "and", "or", "not", "in", "between",
      "is", "insert", "into", "value", "values", "update", "set", "remove", "delete", "returning", "order", "by", "asc",
      "desc", "missing", "null", "true", "false", "exists", "as", "limit", "group", "having", "join", "union", "like",
      "case", "when", "then", "else", "end", "cast", "distinct", "at", "on", "offset", "inner", "outer", "left",
      "right", "full", "cross", "natural", "except", "intersect", "using", "pivot", "unpivot", "let");
  /** The names IS accepts as types (DOUBLE PRECISION and CHARACTER VARYING are two words). */
  private static final Set<String> TYPE_NAMES = Set.of("MISSING", "NULL", "STRING", "NUMBER", "BOOLEAN", "BOOL",
      "LIST", "STRUCT", "TUPLE", "BLOB", "INT", "INTEGER", "INT4", "INT8", "SMALLINT", "DECIMAL", "NUMERIC", "FLOAT",
      "REAL", "DOUBLE", "CHARACTER", "CHAR", "VARCHAR", "SYMBOL", "CLOB", "SEXP", "TIMESTAMP", "DATE", "TIME", "BAG",
      "ANY");
  private static final Set<String> OPERATOR_KEYWORDS = Set.of("and", "or", "is", "in", "between", "like");

  private enum Kind { IDENT, QIDENT, STRING, NUMBER, PARAM, OP, EOF }

  /** A token and where it stands in the statement: [start, end) in characters. */
  private record Token(Kind kind, String text, int start, int end) {
    boolean is(String op) {
      return kind == Kind.OP && text.equals(op);
    }

    boolean keyword(String k) {
      return kind == Kind.IDENT && text.equalsIgnoreCase(k);
    }

    boolean isKeyword() {
      return kind == Kind.IDENT && KEYWORDS.contains(text.toLowerCase(Locale.ROOT));
    }
  }

  private final String source;
  private final List<Token> tokens;
  private int pos;
  private int params;

  private PartiQLParser(String source, List<Token> tokens) {
    this.source = source;
    this.tokens = tokens;
  }

  /** Parses a statement; the number of ? parameters is available from {@link Parsed#parameterCount()}. */
  public static Parsed parse(String text) {
    PartiQLParser p = new PartiQLParser(text, lex(text));
    Statement s = p.statement();
    return new Parsed(s, p.params);
  }

  /** A parsed statement and how many ? parameters it has. */
  public record Parsed(Statement statement, int parameterCount) {}

  static ApiException malformed(String detail) {
    return ApiException.validation(NOT_WELL_FORMED + detail);
  }

  /** Where [start, end) stands in the statement, as DynamoDB writes it: line:column:length. */
  private String at(int start, int end) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < start; i++) {
      if (source.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return line + ":" + column + ":" + (end - start);
  }

  // ---- lexer ----

  private static List<Token> lex(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
        while (i < n && s.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        int end = s.indexOf("*/", i + 2);
        if (end < 0) {
          throw malformed("");
        }
        i = end + 2;
      } else if (c == '\'' || c == '"') {
        int start = i;
        StringBuilder sb = new StringBuilder();
        i++;
        while (true) {
          if (i >= n) {
            throw malformed("");
          }
          char d = s.charAt(i);
          if (d == c) {
            if (i + 1 < n && s.charAt(i + 1) == c) {
              sb.append(c);
              i += 2;
              continue;
            }
            i++;
            break;
          }
          sb.append(d);
          i++;
        }
        out.add(new Token(c == '\'' ? Kind.STRING : Kind.QIDENT, sb.toString(), start, i));
      } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
        int start = i;
        while (i < n && Character.isDigit(s.charAt(i))) {
          i++;
        }
        if (i < n && s.charAt(i) == '.') {
          i++;
          while (i < n && Character.isDigit(s.charAt(i))) {
            i++;
          }
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
          int save = i;
          i++;
          if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
          }
          if (i < n && Character.isDigit(s.charAt(i))) {
            while (i < n && Character.isDigit(s.charAt(i))) {
              i++;
            }
          } else {
            i = save;
          }
        }
        out.add(new Token(Kind.NUMBER, s.substring(start, i), start, i));
      } else if (Character.isLetter(c) || c == '_' || c == '$') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$')) {
          i++;
        }
        out.add(new Token(Kind.IDENT, s.substring(start, i), start, i));
      } else if (c == '?') {
        out.add(new Token(Kind.PARAM, "?", i, i + 1));
        i++;
      } else {
        String two = i + 1 < n ? s.substring(i, i + 2) : "";
        if (two.equals("<>") || two.equals("!=") || two.equals("<=") || two.equals(">=") || two.equals("<<")
            || two.equals(">>")) {
          out.add(new Token(Kind.OP, two, i, i + 2));
          i += 2;
        } else if ("=<>+-*.,()[]{}:;".indexOf(c) >= 0) {
          out.add(new Token(Kind.OP, String.valueOf(c), i, i + 1));
          i++;
        } else {
          throw malformed("");
        }
      }
    }
    out.add(new Token(Kind.EOF, "", n, n));
    return out;
  }

  // ---- helpers ----

  private Token peek() {
    return tokens.get(pos);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  private Token next() {
    Token t = tokens.get(pos);
    if (t.kind != Kind.EOF) {
      pos++;
    }
    return t;
  }

  private boolean acceptOp(String op) {
    if (peek().is(op)) {
      pos++;
      return true;
    }
    return false;
  }

  private boolean acceptKeyword(String k) {
    if (peek().keyword(k)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expectOp(String op) {
    if (!acceptOp(op)) {
      throw unexpected(peek());
    }
  }

  private void expectKeyword(String k) {
    if (!acceptKeyword(k)) {
      throw unexpected(peek());
    }
  }

  private static ApiException unexpected(Token t) {
    if (t.kind == Kind.EOF || t.is(";") || t.is(")") || t.is("]") || t.is("}") || t.is(",")) {
      return malformed("Unexpected term");
    }
    if (t.kind == Kind.IDENT && OPERATOR_KEYWORDS.contains(t.text.toLowerCase(Locale.ROOT))) {
      return malformed("Unexpected operator");
    }
    if (t.isKeyword()) {
      return malformed("Unexpected keyword");
    }
    if (t.kind == Kind.OP && "=<><=>=!=+-*".contains(t.text)) {
      return malformed("Unexpected operator");
    }
    return malformed("Unexpected token");
  }

  private void end() {
    acceptOp(";");
    if (peek().kind != Kind.EOF) {
      throw malformed("Unexpected token after expression");
    }
  }

  // ---- statements ----

  private Statement statement() {
    Token t = peek();
    if (t.keyword("select")) {
      Select s = select();
      end();
      return s;
    }
    if (t.keyword("insert")) {
      return insert();
    }
    if (t.keyword("update")) {
      return update();
    }
    if (t.keyword("from")) {
      return fromFirstUpdate();
    }
    if (t.keyword("delete")) {
      return delete();
    }
    if (t.keyword("exists")) {
      next();
      expectOp("(");
      if (!peek().keyword("select")) {
        throw unexpected(peek());
      }
      Select s = select();
      expectOp(")");
      end();
      return new Exists(s);
    }
    // DynamoDB parses any expression as a statement and then refuses what is not a statement; a
    // type test gets its own message (the third-party suite's captures)
    Expr bare;
    try {
      bare = expression();
      end();
    } catch (ApiException e) {
      bare = null;
    }
    if (bare instanceof Is) {
      throw ExpressionBuilder.unsupported("IsType");
    }
    throw malformed("Expected data manipulation");
  }

  private Select select() {
    expectKeyword("select");
    List<Expr> projection = null;
    boolean countAll = peek().keyword("count") && peek(1).is("(") && peek(2).is("*") && peek(3).is(")");
    if (countAll) {
      pos += 4;
    } else if (!acceptOp("*")) {
      projection = new ArrayList<>();
      do {
        Expr e = expression();
        if (e instanceof Call c) {
          throw ApiException.validation("Unexpected path component at " + c.at());
        }
        projection.add(e);
      } while (acceptOp(","));
    }
    expectKeyword("from");
    String[] table = tableRef(false);
    noAlias();
    Expr where = null;
    if (acceptKeyword("where")) {
      where = expression();
    }
    List<Order> order = new ArrayList<>();
    if (acceptKeyword("order")) {
      expectKeyword("by");
      do {
        Expr key = additive();
        if (!(key instanceof PathExpr p)) {
          throw malformed("Unexpected term");
        }
        boolean desc = false;
        if (acceptKeyword("desc")) {
          desc = true;
        } else {
          acceptKeyword("asc");
        }
        order.add(new Order(p, desc));
      } while (acceptOp(","));
    }
    return new Select(projection, table[0], table[1], where, order, countAll);
  }

  private Insert insert() {
    expectKeyword("insert");
    expectKeyword("into");
    String[] table = tableRef(true);
    if (table[1] != null) {
      throw ApiException.validation("FROM clause may only contain a single table name");
    }
    if (!acceptKeyword("value")) {
      if (peek().kind == Kind.IDENT || peek().kind == Kind.QIDENT) {
        throw malformed("Unexpected token after expression");
      }
      throw unexpected(peek());
    }
    Expr value = expression();
    end();
    return new Insert(table[0], value);
  }

  private Update update() {
    expectKeyword("update");
    String[] table = tableRef(true);
    noAlias();
    List<Action> actions = actions();
    Expr where = null;
    if (acceptKeyword("where")) {
      where = expression();
    }
    return updateEnd(table, actions, where);
  }

  /**
   * The update whose WHERE comes first: {@code FROM t WHERE ... SET ... REMOVE ... [RETURNING ...]},
   * which DynamoDB runs as {@code UPDATE t SET ... REMOVE ... WHERE ...}.
   */
  private Update fromFirstUpdate() {
    expectKeyword("from");
    String[] table = tableRef(true);
    noAlias();
    Expr where = null;
    if (acceptKeyword("where")) {
      where = expression();
    }
    List<Action> actions = actions();
    return updateEnd(table, actions, where);
  }

  private Update updateEnd(String[] table, List<Action> actions, Expr where) {
    String returning = returning();
    end();
    if (table[1] != null) {
      throw ApiException.validation("This operation is not supported on an index");
    }
    return new Update(table[0], table[1], actions, where, returning);
  }

  /** SET and REMOVE clauses, in any number and order (at least one). */
  private List<Action> actions() {
    List<Action> actions = new ArrayList<>();
    while (true) {
      if (acceptKeyword("set")) {
        do {
          PathExpr target = path();
          expectOp("=");
          actions.add(new Action(false, target, expression()));
        } while (acceptOp(","));
      } else if (acceptKeyword("remove")) {
        do {
          actions.add(new Action(true, path(), null));
        } while (acceptOp(","));
      } else if (actions.isEmpty()) {
        throw unexpected(peek());
      } else {
        return actions;
      }
    }
  }

  private Delete delete() {
    expectKeyword("delete");
    expectKeyword("from");
    if (peek().kind != Kind.IDENT && peek().kind != Kind.QIDENT || peek().keyword("where")) {
      throw malformed("Expected identifier for simple path");
    }
    String[] table = tableRef(true);
    noAlias();
    Expr where = null;
    if (acceptKeyword("where")) {
      where = expression();
    }
    String returning = returning();
    end();
    if (table[1] != null) {
      throw ApiException.validation("This operation is not supported on an index");
    }
    return new Delete(table[0], table[1], where, returning);
  }

  private String returning() {
    if (!acceptKeyword("returning")) {
      return null;
    }
    String which;
    if (acceptKeyword("all")) {
      which = "ALL";
    } else if (acceptKeyword("modified")) {
      which = "MODIFIED";
    } else {
      throw unexpected(peek());
    }
    String side;
    if (acceptKeyword("old")) {
      side = "OLD";
    } else if (acceptKeyword("new")) {
      side = "NEW";
    } else {
      throw unexpected(peek());
    }
    expectOp("*");
    return which + " " + side;
  }

  private void noAlias() {
    Token t = peek();
    if (t.keyword("as") || t.kind == Kind.QIDENT || (t.kind == Kind.IDENT && !t.isKeyword())) {
      throw ApiException.validation("Aliasing is not supported");
    }
  }

  /** table or table.index (each an identifier); returns {table, index or null}. */
  private String[] tableRef(boolean write) {
    List<String> parts = new ArrayList<>();
    do {
      Token t = peek();
      if (t.kind != Kind.IDENT && t.kind != Kind.QIDENT) {
        throw write ? malformed("Expected identifier for simple path") : unexpected(t);
      }
      next();
      if (t.kind == Kind.QIDENT && t.text.isEmpty()) {
        throw ApiException.validation("Path component cannot be an empty string");
      }
      parts.add(t.text);
    } while (acceptOp("."));
    if (parts.size() > 2) {
      throw ApiException.validation("A path may contain at most 2 components in the FROM clause");
    }
    return new String[] {parts.get(0), parts.size() > 1 ? parts.get(1) : null};
  }

  // ---- expressions ----

  private Expr expression() {
    return or();
  }

  private Expr or() {
    Expr left = and();
    while (acceptKeyword("or")) {
      left = new Binary("OR", left, rhs(this::and));
    }
    return left;
  }

  private Expr and() {
    Expr left = not();
    while (acceptKeyword("and")) {
      left = new Binary("AND", left, rhs(this::not));
    }
    return left;
  }

  private Expr rhs(java.util.function.Supplier<Expr> p) {
    Token t = peek();
    if (t.kind == Kind.EOF || t.is(";")) {
      throw malformed("Missing right-hand side expression of infix operator");
    }
    return p.get();
  }

  private Expr not() {
    if (acceptKeyword("not")) {
      return new Not(not());
    }
    return predicate();
  }

  private Expr predicate() {
    Expr left = additive();
    Token t = peek();
    if (t.kind == Kind.OP && (t.text.equals("=") || t.text.equals("<>") || t.text.equals("!=") || t.text.equals("<")
        || t.text.equals("<=") || t.text.equals(">") || t.text.equals(">="))) {
      next();
      String op = t.text.equals("!=") ? "<>" : t.text;
      return new Binary(op, left, rhs(this::additive));
    }
    boolean negated = false;
    if (t.keyword("not") && (peek(1).keyword("between") || peek(1).keyword("in"))) {
      next();
      negated = true;
    }
    if (acceptKeyword("between")) {
      Expr low = additive();
      expectKeyword("and");
      Expr high = rhs(this::additive);
      Expr b = new Between(left, low, high);
      return negated ? new Not(b) : b;
    }
    if (acceptKeyword("in")) {
      List<Expr> list = new ArrayList<>();
      String close;
      if (acceptOp("[")) {
        close = "]";
      } else if (acceptOp("(")) {
        close = ")";
      } else {
        throw unexpected(peek());
      }
      if (!acceptOp(close)) {
        do {
          list.add(additive());
        } while (acceptOp(","));
        expectOp(close);
      }
      Expr in = new In(left, list);
      return negated ? new Not(in) : in;
    }
    if (acceptKeyword("is")) {
      boolean not = acceptKeyword("not");
      Token type = next();
      if (type.kind != Kind.IDENT) {
        throw malformed("Expected type name");
      }
      String name = type.text.toUpperCase(Locale.ROOT);
      if (!TYPE_NAMES.contains(name)) {
        throw malformed("Expected type name");
      }
      if (name.equals("DOUBLE") && peek().keyword("precision") || name.equals("CHARACTER") && peek().keyword("varying")) {
        next();
      }
      return new Is(left, name, not);
    }
    return left;
  }

  private Expr additive() {
    Expr left = primary();
    while (peek().is("+") || peek().is("-")) {
      String op = next().text;
      left = new Binary(op, left, rhs(this::primary));
    }
    return left;
  }

  private Expr primary() {
    Token t = peek();
    switch (t.kind) {
      case STRING:
        next();
        return new Str(t.text);
      case NUMBER:
        next();
        return new Num(t.text);
      case PARAM:
        next();
        return new Param(params++);
      case QIDENT:
        return pathRest(new ArrayList<>(List.of(next().text)));
      case IDENT: {
        String lower = t.text.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
          next();
          return new Pql.Bool(lower.equals("true"));
        }
        if (lower.equals("null")) {
          next();
          return new Null();
        }
        if (lower.equals("missing")) {
          next();
          return new Missing();
        }
        if (peek(1).is("(") && (!t.isKeyword() || lower.equals("exists"))) {
          next();
          next();
          List<Expr> args = new ArrayList<>();
          List<String> argsAt = new ArrayList<>();
          if (!acceptOp(")")) {
            do {
              Token first = peek();
              args.add(expression());
              argsAt.add(at(first.start, tokens.get(pos - 1).end));
            } while (acceptOp(","));
            expectOp(")");
          }
          return new Call(lower, args, at(t.start, t.end), argsAt);
        }
        if (t.isKeyword()) {
          throw unexpected(t);
        }
        return pathRest(new ArrayList<>(List.of(next().text)));
      }
      case OP:
        if (t.is("(")) {
          next();
          Expr e = expression();
          expectOp(")");
          return e;
        }
        if (t.is("-") && peek(1).kind == Kind.NUMBER) {
          next();
          return new Num("-" + next().text);
        }
        if (t.is("[")) {
          next();
          return new ListExpr(elementsUntil("]", this::expression));
        }
        if (t.is("<<")) {
          next();
          return new SetExpr(elementsUntil(">>", this::additive));
        }
        if (t.is("{")) {
          next();
          List<String> keys = new ArrayList<>();
          List<Expr> values = new ArrayList<>();
          if (!acceptOp("}")) {
            do {
              Token k = next();
              if (k.kind != Kind.STRING) {
                throw malformed("Unexpected token");
              }
              expectOp(":");
              keys.add(k.text);
              values.add(expression());
            } while (acceptOp(","));
            expectOp("}");
          }
          return new MapExpr(keys, values);
        }
        throw unexpected(t);
      default:
        throw unexpected(t);
    }
  }

  private PathExpr path() {
    Token t = peek();
    if (t.kind == Kind.QIDENT || (t.kind == Kind.IDENT && !t.isKeyword())) {
      return pathRest(new ArrayList<>(List.of(next().text)));
    }
    throw malformed("Expected identifier for simple path");
  }

  private PathExpr pathRest(List<Object> elems) {
    if (elems.get(0) instanceof String s && s.isEmpty()) {
      throw ApiException.validation("Path component cannot be an empty string");
    }
    while (true) {
      if (peek().is(".") && (peek(1).kind == Kind.IDENT || peek(1).kind == Kind.QIDENT)) {
        next();
        if (peek().isKeyword()) {
          throw malformed("Invalid path dot component"); // a keyword after a dot must be quoted
        }
        elems.add(next().text);
      } else if (peek().is("[")) {
        next();
        Token i = next();
        if (i.kind == Kind.NUMBER && i.text.chars().allMatch(Character::isDigit)) {
          try {
            elems.add(Integer.parseInt(i.text));
          } catch (NumberFormatException e) {
            throw malformed("");
          }
        } else if (i.kind == Kind.STRING) {
          elems.add(i.text);
        } else {
          throw unexpected(i);
        }
        expectOp("]");
      } else {
        return new PathExpr(elems);
      }
    }
  }

  /** Comma-separated elements up to the closing operator (which is consumed); may be empty. */
  private List<Expr> elementsUntil(String close, java.util.function.Supplier<Expr> element) {
    List<Expr> values = new ArrayList<>();
    if (!acceptOp(close)) {
      do {
        values.add(element.get());
      } while (acceptOp(","));
      expectOp(close);
    }
    return values;
  }
}
