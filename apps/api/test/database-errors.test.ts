/**
 * Which errors mean "the database is away" (503 to the caller, a job tried again) rather than a
 * fault of ours (500): seen in the fault test while PostgreSQL shut down under writes.
 */
import { QueryRunnerProviderAlreadyReleasedError, TypeORMError } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../src/common/database-errors.js';

describe('isDatabaseUnavailable', () => {
  it('counts a transaction whose connection was dropped under it as the database being away', () => {
    expect(isDatabaseUnavailable(new QueryRunnerProviderAlreadyReleasedError())).toBe(true);
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('terminating connection due to administrator command'), {
          code: '57P01',
        }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error('connect ECONNREFUSED 127.0.0.1:5432'))).toBe(true);
  });

  it('leaves other errors as faults of ours', () => {
    expect(isDatabaseUnavailable(new TypeORMError('No metadata for "Unit" was found.'))).toBe(
      false,
    );
    expect(
      isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')")),
    ).toBe(false);
    expect(isDatabaseUnavailable('the database is down')).toBe(false);
  });
});
