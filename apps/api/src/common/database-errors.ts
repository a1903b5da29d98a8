import { QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

/** The database could not be reached or went away mid-request: a 503, not a 500. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // A transaction whose connection PostgreSQL dropped (shutting down, terminated): TypeORM releases
  // the query runner when the connection fails, and the transaction's next query meets this.
  if (error instanceof QueryRunnerProviderAlreadyReleasedError) return true;
  const codes = [
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'EPIPE',
    '57P01',
    '57P02',
    '57P03',
    '08000',
    '08001',
    '08003',
    '08006',
  ];
  const code = String((error as { code?: unknown }).code);
  const driverCode = String((error as { driverError?: { code?: unknown } }).driverError?.code);
  return (
    codes.includes(code) ||
    codes.includes(driverCode) ||
    /connect ECONNREFUSED|Connection terminated|timeout exceeded when trying to connect|not queryable|the database system is (shutting down|starting up)|terminating connection|Connection ended|Query runner already released|Connection is not established|Cannot use a pool after calling end/i.test(
      error.message,
    )
  );
}
