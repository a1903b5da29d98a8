/**
 * TypeORM's PostgreSQL `query()` returns `[rows, affectedCount]` for UPDATE and DELETE statements,
 * and the rows alone for the others: the rows of an `UPDATE … RETURNING`, whichever it was.
 */
export function returnedRows<T>(result: unknown): T[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  )
    return result[0] as T[];
  return result as T[];
}
