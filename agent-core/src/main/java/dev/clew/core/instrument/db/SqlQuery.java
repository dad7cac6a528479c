package dev.clew.core.instrument.db;

/**
 * What a SQL text says for tracing: the text to record ({@code db.query.text}: sanitized unless
 * sanitizing is off, and truncated), its operation ({@code SELECT}) and first collection, or the
 * stored procedure it calls. Operation and collection are null when the statement is not simple
 * enough to tell (several statements, unknown keyword, subquery in FROM).
 */
public final class SqlQuery {
  private final String text;
  private final String operation;
  private final String collection;
  private final String storedProcedure;
  private final String summary;

  SqlQuery(String text, String operation, String collection, String storedProcedure) {
    this.text = text;
    this.operation = operation;
    this.collection = collection;
    this.storedProcedure = storedProcedure;
    String target = collection != null ? collection : storedProcedure;
    this.summary = operation == null ? null : target == null ? operation : operation + " " + target;
  }

  public String text() {
    return text;
  }

  /** Upper case, e.g. {@code SELECT}; null when unknown. */
  public String operation() {
    return operation;
  }

  /** The first table, as written (schema prefix and quotes kept); null when unknown. */
  public String collection() {
    return collection;
  }

  /** The procedure of a {@code CALL}/{@code EXEC}; null otherwise. */
  public String storedProcedure() {
    return storedProcedure;
  }

  /**
   * {@code operation target} ({@code SELECT orders}, {@code CALL refresh}), the operation alone, or null:
   * the span name database conventions ask for, computed once per query rather than per span.
   */
  public String summary() {
    return summary;
  }

  @Override
  public String toString() {
    return "SqlQuery{" + operation + " " + collection + (storedProcedure != null ? " proc=" + storedProcedure : "")
        + ": " + text + "}";
  }
}
