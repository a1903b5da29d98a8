import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TResultStatus, TResultView } from '@commune-bench/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { returnedRows } from '../database/returned-rows.js';

export interface NewResult {
  unitId: string;
  indicatorCode: string;
  period: string;
  value: number | null;
  status: TResultStatus;
  source: string | null;
  isDemo: boolean;
}

export interface ResultWrite {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  source: string | null;
  evidence: string[];
}

interface ResultRow {
  id: string;
  unit_id: string;
  indicator_code: string;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  source: string | null;
  evidence: string[];
  status: TResultStatus;
  return_reason: string | null;
  submitted_by: string | null;
  verified_by: string | null;
  is_demo: boolean;
  version: number;
  updated_at: Date;
}

const toView = (row: ResultRow): TResultView => ({
  id: row.id,
  unitId: row.unit_id,
  indicatorCode: row.indicator_code,
  period: row.period,
  value: row.value,
  numerator: row.numerator,
  denominator: row.denominator,
  source: row.source,
  evidence: row.evidence,
  status: row.status,
  returnReason: row.return_reason,
  submittedBy: row.submitted_by,
  verifiedBy: row.verified_by,
  isDemo: row.is_demo,
  version: row.version,
  updatedAt: new Date(row.updated_at).toISOString(),
});

export interface ResultFilter {
  unitIds?: readonly string[];
  indicatorCodes?: readonly string[];
  period?: string;
  status?: TResultStatus;
  statuses?: readonly TResultStatus[];
}

@Injectable()
export class ResultsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Bulk insert in one statement; an existing (unit, indicator, period) is an error, not an overwrite. */
  async insertMany(
    results: readonly NewResult[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const chunk = 5000;
    for (let start = 0; start < results.length; start += chunk) {
      const part = results.slice(start, start + chunk);
      await manager.query(
        `INSERT INTO results (unit_id, indicator_code, period, value, status, source, is_demo, evidence)
         SELECT u, i, p, v, s, src, d, '[]'::jsonb FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::float8[], $5::varchar[], $6::text[], $7::bool[]) AS t(u, i, p, v, s, src, d)`,
        [
          part.map((r) => r.unitId),
          part.map((r) => r.indicatorCode),
          part.map((r) => r.period),
          part.map((r) => r.value),
          part.map((r) => r.status),
          part.map((r) => r.source),
          part.map((r) => r.isDemo),
        ],
      );
    }
  }

  async find(
    filter: ResultFilter,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TResultView[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.unitIds !== undefined) add('unit_id = ANY(?::uuid[])', filter.unitIds);
    if (filter.indicatorCodes !== undefined)
      add('indicator_code = ANY(?::varchar[])', filter.indicatorCodes);
    if (filter.period !== undefined) add('period = ?', filter.period);
    if (filter.status !== undefined) add('status = ?', filter.status);
    if (filter.statuses !== undefined) add('status = ANY(?::varchar[])', filter.statuses);
    const rows: ResultRow[] = await manager.query(
      `SELECT * FROM results ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY unit_id, indicator_code, period`,
      params,
    );
    return rows.map(toView);
  }

  /**
   * What a ranking reads of one indicator in one period: each unit's value and status, nothing
   * else (a national cohort is hundreds of rows, twice per ranking: no jsonb, no timestamps).
   */
  async findValues(
    filter: { unitIds: readonly string[]; indicatorCode: string; period: string },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ unitId: string; value: number | null; status: TResultStatus }[]> {
    const rows: { unit_id: string; value: number | null; status: TResultStatus }[] =
      await manager.query(
        `SELECT unit_id, value, status FROM results
          WHERE unit_id = ANY($1::uuid[]) AND period = $2 AND indicator_code = $3`,
        [filter.unitIds, filter.period, filter.indicatorCode],
      );
    return rows.map((row) => ({ unitId: row.unit_id, value: row.value, status: row.status }));
  }

  /**
   * The values only (unit, indicator, period, value) of counted results up to a year, for
   * evaluations: no jsonb, and bounded by period so a national composite does not read every year.
   */
  async findPoints(
    filter: {
      unitIds: readonly string[];
      statuses: readonly TResultStatus[];
      indicatorCodes?: readonly string[];
      upToYear: number;
    },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ unitId: string; indicatorCode: string; period: string; value: number }[]> {
    const rows: { unit_id: string; indicator_code: string; period: string; value: number }[] =
      await manager.query(
        `SELECT unit_id, indicator_code, period, value FROM results
       WHERE unit_id = ANY($1::uuid[]) AND status = ANY($2::varchar[]) AND value IS NOT NULL AND period < $3
         AND ($4::varchar[] IS NULL OR indicator_code = ANY($4::varchar[]))`,
        [
          filter.unitIds,
          filter.statuses,
          String(filter.upToYear + 1),
          filter.indicatorCodes ?? null,
        ],
      );
    return rows.map((row) => ({
      unitId: row.unit_id,
      indicatorCode: row.indicator_code,
      period: row.period,
      value: row.value,
    }));
  }

  /**
   * The points target evaluation can use, per unit and indicator, of the counted statuses, ending at
   * or before `asOf` (`year*100 + end month`): those with the latest end, those with the earliest end,
   * and those with the latest end within each of `baselineYears` — ties all kept. `evaluateTarget`
   * reads only these (the latest actual, the first actual, a baseline year's latest), so it gives the
   * same answer as with every point, from a fraction of the rows (the national composite ranking).
   * The three windows are whole-partition aggregates: PostgreSQL sorts once, by (unit, indicator,
   * year), for all of them (three rank() orderings were three sorts of ~3 million rows).
   */
  async findEvaluationPoints(
    filter: {
      unitIds: readonly string[];
      statuses: readonly TResultStatus[];
      indicatorCodes: readonly string[];
      asOfEnd: number;
      baselineYears: readonly number[];
    },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ unitId: string; indicatorCode: string; period: string; value: number }[]> {
    const rows: { unit_id: string; indicator_code: string; period: string; value: number }[] =
      await manager.query(
        `WITH points AS (
           SELECT unit_id, indicator_code, period, value,
                  left(period, 4)::int AS year,
                  left(period, 4)::int * 100 + CASE
                    WHEN length(period) = 4 THEN 12
                    WHEN substr(period, 6, 1) = 'H' THEN substr(period, 7, 1)::int * 6
                    WHEN substr(period, 6, 1) = 'Q' THEN substr(period, 7, 1)::int * 3
                    ELSE substr(period, 6, 2)::int END AS ends
             FROM results
            WHERE unit_id = ANY($1::uuid[]) AND status = ANY($2::varchar[]) AND value IS NOT NULL
              AND indicator_code = ANY($3::varchar[]) AND period < $4
         ), ranked AS (
           SELECT *,
                  max(ends) OVER (PARTITION BY unit_id, indicator_code) AS latest,
                  min(ends) OVER (PARTITION BY unit_id, indicator_code) AS earliest,
                  max(ends) OVER (PARTITION BY unit_id, indicator_code, year) AS latest_in_year
             FROM points WHERE ends <= $5
         )
         SELECT unit_id, indicator_code, period, value FROM ranked
          WHERE ends = latest OR ends = earliest OR (ends = latest_in_year AND year = ANY($6::int[]))`,
        [
          filter.unitIds,
          filter.statuses,
          filter.indicatorCodes,
          String(Math.floor(filter.asOfEnd / 100) + 1),
          filter.asOfEnd,
          filter.baselineYears,
        ],
      );
    return rows.map((row) => ({
      unitId: row.unit_id,
      indicatorCode: row.indicator_code,
      period: row.period,
      value: row.value,
    }));
  }

  async findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TResultView | undefined> {
    const rows: ResultRow[] = await manager.query('SELECT * FROM results WHERE id = $1', [id]);
    return rows[0] && toView(rows[0]);
  }

  async findByKey(
    unitId: string,
    indicatorCode: string,
    period: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TResultView | undefined> {
    const rows: ResultRow[] = await manager.query(
      'SELECT * FROM results WHERE unit_id = $1 AND indicator_code = $2 AND period = $3',
      [unitId, indicatorCode, period],
    );
    return rows[0] && toView(rows[0]);
  }

  /** Inserts a draft; returns undefined when the (unit, indicator, period) exists already (a concurrent create). */
  async insertDraft(
    key: { unitId: string; indicatorCode: string; period: string },
    write: ResultWrite,
    manager: EntityManager,
  ): Promise<TResultView | undefined> {
    const rows: ResultRow[] = await manager.query(
      `INSERT INTO results (unit_id, indicator_code, period, value, numerator, denominator, source, evidence, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, 'draft') ON CONFLICT (unit_id, indicator_code, period) DO NOTHING RETURNING *`,
      [
        key.unitId,
        key.indicatorCode,
        key.period,
        write.value,
        write.numerator,
        write.denominator,
        write.source,
        JSON.stringify(write.evidence),
      ],
    );
    return rows[0] && toView(rows[0]);
  }

  /** Optimistic lock: writes only when `version` is still the stored one; undefined when stale. */
  async updateValue(
    id: string,
    version: number,
    write: ResultWrite & { verifiedBy?: string },
    manager: EntityManager,
  ): Promise<TResultView | undefined> {
    const rows = returnedRows<ResultRow>(
      await manager.query(
        `UPDATE results SET value = $3, numerator = $4, denominator = $5, source = $6, evidence = $7::jsonb,
         verified_by = COALESCE($8, verified_by), version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 RETURNING *`,
        [
          id,
          version,
          write.value,
          write.numerator,
          write.denominator,
          write.source,
          JSON.stringify(write.evidence),
          write.verifiedBy ?? null,
        ],
      ),
    );
    return rows[0] && toView(rows[0]);
  }

  /** A status change from one of `from`; undefined when the result moved on meanwhile. */
  async transition(
    id: string,
    from: readonly TResultStatus[],
    to: TResultStatus,
    change: { by: string; reason?: string | null; version?: number },
    manager: EntityManager,
  ): Promise<TResultView | undefined> {
    const rows = returnedRows<ResultRow>(
      await manager.query(
        `UPDATE results SET status = $3::varchar,
         submitted_by = CASE WHEN $3::varchar = 'submitted' THEN $4::uuid ELSE submitted_by END,
         verified_by = CASE WHEN $3::varchar = 'verified' THEN $4::uuid WHEN $3::varchar = 'returned' THEN NULL ELSE verified_by END,
         return_reason = CASE WHEN $3::varchar = 'returned' THEN $5::text ELSE NULL END,
         version = version + 1, updated_at = now()
       WHERE id = $1 AND status = ANY($2::varchar[]) AND ($6::int IS NULL OR version = $6) RETURNING *`,
        [id, from, to, change.by, change.reason ?? null, change.version ?? null],
      ),
    );
    return rows[0] && toView(rows[0]);
  }

  /**
   * Import: insert new rows as drafts and overwrite drafts/returned ones, in one statement. Returns how
   * many were created and updated; rows that exist with another status are left alone (the caller
   * checks for them beforehand, in the same transaction).
   */
  async upsertDrafts(
    rows: readonly ({ unitId: string; indicatorCode: string; period: string } & ResultWrite)[],
    manager: EntityManager,
  ): Promise<{
    created: number;
    updated: number;
    /** Keys left as they were: a submitted or verified result is there (locked). */
    skipped: { unitId: string; indicatorCode: string; period: string }[];
  }> {
    let created = 0;
    let updated = 0;
    const skipped: { unitId: string; indicatorCode: string; period: string }[] = [];
    // Large statements: each one also runs the score-version triggers once (composite scores).
    const chunk = 25_000;
    for (let start = 0; start < rows.length; start += chunk) {
      const part = rows.slice(start, start + chunk);
      const result: {
        unit_id: string;
        indicator_code: string;
        period: string;
        inserted: boolean;
      }[] = await manager.query(
        `INSERT INTO results (unit_id, indicator_code, period, value, numerator, denominator, source, evidence, status)
         SELECT u, i, p, v, n, d, s, '[]'::jsonb, 'draft' FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::float8[], $5::float8[], $6::float8[], $7::text[]) AS t(u, i, p, v, n, d, s)
         ON CONFLICT (unit_id, indicator_code, period) DO UPDATE
           SET value = EXCLUDED.value, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator, source = EXCLUDED.source,
               status = 'draft', return_reason = NULL, version = results.version + 1, updated_at = now()
           WHERE results.status IN ('draft', 'returned')
         RETURNING unit_id, indicator_code, period, (xmax = 0) AS inserted`,
        [
          part.map((r) => r.unitId),
          part.map((r) => r.indicatorCode),
          part.map((r) => r.period),
          part.map((r) => r.value),
          part.map((r) => r.numerator),
          part.map((r) => r.denominator),
          part.map((r) => r.source),
        ],
      );
      const written = new Set<string>();
      for (const row of result) {
        if (row.inserted) created += 1;
        else updated += 1;
        written.add(`${row.unit_id}|${row.indicator_code}|${row.period}`);
      }
      if (written.size < part.length)
        for (const row of part)
          if (!written.has(`${row.unitId}|${row.indicatorCode}|${row.period}`))
            skipped.push({
              unitId: row.unitId,
              indicatorCode: row.indicatorCode,
              period: row.period,
            });
    }
    return { created, updated, skipped };
  }

  /** Existing results among the given keys, for the import's checks. */
  async findKeys(
    keys: readonly { unitId: string; indicatorCode: string; period: string }[],
    manager: EntityManager,
  ): Promise<{ unitId: string; indicatorCode: string; period: string; status: TResultStatus }[]> {
    if (keys.length === 0) return [];
    const rows: {
      unit_id: string;
      indicator_code: string;
      period: string;
      status: TResultStatus;
    }[] = await manager.query(
      `SELECT r.unit_id, r.indicator_code, r.period, r.status FROM results r
       JOIN unnest($1::uuid[], $2::varchar[], $3::varchar[]) AS k(u, i, p) ON r.unit_id = k.u AND r.indicator_code = k.i AND r.period = k.p`,
      [keys.map((k) => k.unitId), keys.map((k) => k.indicatorCode), keys.map((k) => k.period)],
    );
    return rows.map((row) => ({
      unitId: row.unit_id,
      indicatorCode: row.indicator_code,
      period: row.period,
      status: row.status,
    }));
  }

  async count(manager: EntityManager = this.dataSource.manager): Promise<number> {
    const rows: { count: string }[] = await manager.query('SELECT count(*) AS count FROM results');
    return Number(rows[0]?.count ?? 0);
  }
}
