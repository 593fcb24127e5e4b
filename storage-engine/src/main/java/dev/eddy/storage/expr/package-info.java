/**
 * DynamoDB's expression language as a pure library: no storage, no I/O.
 *
 * <p>Pipeline: <b>parse</b> ({@code Lexer}, {@code Parser}: text to a syntax tree, DynamoDB's
 * {@code Syntax error; token: "x", near: "..."} messages) -> <b>resolve and check</b>
 * ({@code Checker}: #names and :values looked up in the request's {@link
 * dev.eddy.storage.expr.ExpressionContext}, which records what was used; reserved words,
 * undefined placeholders, function arity and operand types, overlapping paths, limits, each
 * reported in DynamoDB's order of precedence) -> <b>evaluate</b> against items.
 *
 * <p>Entry points for the engine:
 * <ul>
 *   <li>{@link dev.eddy.storage.expr.ExpressionParameters#check} first, with the names of the
 *       parameters present in the request (expression/legacy mixing rules);
 *   <li>one {@link dev.eddy.storage.expr.ExpressionContext} per request, then
 *       {@link dev.eddy.storage.expr.ConditionExpression#parse} (condition and filter),
 *       {@link dev.eddy.storage.expr.UpdateExpression#parse},
 *       {@link dev.eddy.storage.expr.ProjectionExpression#parse},
 *       {@link dev.eddy.storage.expr.KeyCondition#parse}, and finally
 *       {@link dev.eddy.storage.expr.ExpressionContext#checkAllUsed()};
 *   <li>legacy parameters through {@link dev.eddy.storage.expr.Legacy}, which builds the same
 *       objects, so there is only one evaluator.
 * </ul>
 * Every failure is an {@link dev.eddy.api.ApiException} (ValidationException); parsed objects
 * are immutable and can be evaluated from many threads.
 */
package dev.eddy.storage.expr;
