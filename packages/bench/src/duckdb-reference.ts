/**
 * The reference for queries 1 and 3: the same data exported from PostgreSQL (COPY … TO STDOUT as
 * CSV), converted by DuckDB to Parquet, and queried in-process by DuckDB over the Parquet files.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';

const EXPORTS: Record<string, string> = {
  units: `SELECT id, name, type, province_code FROM units`,
  classifications: `SELECT unit_id, class, valid_from, valid_to FROM unit_classifications`,
  results: `SELECT unit_id, indicator_code, period, value, status FROM results`,
  targets: `SELECT p.unit_id, t.indicator_code, i.area, t.comparator, t.value, t.due_year,
                   p.from_year, p.to_year
              FROM targets t JOIN plans p ON p.id = t.plan_id JOIN indicators i ON i.code = t.indicator_code`,
};

export interface DuckReference {
  connection: DuckDBConnection;
  exportSeconds: number;
  parquetSeconds: number;
  close(): void;
}

export async function prepareDuckDb(
  databaseUrl: string,
  directory: string,
): Promise<DuckReference> {
  await mkdir(directory, { recursive: true });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let started = performance.now();
  try {
    for (const [name, sql] of Object.entries(EXPORTS)) {
      const stream = client.query(copyTo(`COPY (${sql}) TO STDOUT WITH (FORMAT csv, HEADER true)`));
      await pipeline(stream, createWriteStream(`${directory}/${name}.csv`));
    }
  } finally {
    await client.end();
  }
  const exportSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  const types: Record<string, string> = {
    units: `{'id': 'VARCHAR', 'name': 'VARCHAR', 'type': 'VARCHAR', 'province_code': 'VARCHAR'}`,
    classifications: `{'unit_id': 'VARCHAR', 'class': 'VARCHAR', 'valid_from': 'DATE', 'valid_to': 'DATE'}`,
    results: `{'unit_id': 'VARCHAR', 'indicator_code': 'VARCHAR', 'period': 'VARCHAR', 'value': 'DOUBLE', 'status': 'VARCHAR'}`,
    targets: `{'unit_id': 'VARCHAR', 'indicator_code': 'VARCHAR', 'area': 'VARCHAR', 'comparator': 'VARCHAR', 'value': 'DOUBLE', 'due_year': 'INTEGER', 'from_year': 'INTEGER', 'to_year': 'INTEGER'}`,
  };
  for (const name of Object.keys(EXPORTS)) {
    await connection.run(
      `COPY (SELECT * FROM read_csv('${directory}/${name}.csv', header = true, columns = ${types[name]!}))
         TO '${directory}/${name}.parquet' (FORMAT parquet)`,
    );
    await connection.run(
      `CREATE VIEW ${name} AS SELECT * FROM read_parquet('${directory}/${name}.parquet')`,
    );
  }
  const parquetSeconds = (performance.now() - started) / 1000;
  return {
    connection,
    exportSeconds,
    parquetSeconds,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

const classAt = (year: number) => `
  SELECT unit_id, class FROM classifications
   WHERE valid_from <= DATE '${year}-12-31' AND (valid_to IS NULL OR valid_to >= DATE '${year}-12-31')`;

/**
 * Query 1: the national ranking of xã loại I by one indicator for one year (verified results,
 * competition ranking on the value rounded to the indicator's precision, ties by name), with the
 * previous year's rank in the same cohort and the change.
 */
export function rankingSql(
  indicator: string,
  year: number,
  precision: number,
  direction: 'higher_better' | 'lower_better',
): string {
  const order = direction === 'higher_better' ? 'DESC' : 'ASC';
  const cohort = (y: number) => `
    SELECT u.id, u.name, round(r.value, ${precision}) AS v
      FROM units u
      JOIN (${classAt(y)}) c ON c.unit_id = u.id AND c.class = 'I'
      JOIN results r ON r.unit_id = u.id AND r.indicator_code = '${indicator}'
                    AND r.period = '${y}' AND r.status = 'verified'
     WHERE u.type = 'xa'`;
  return `
    WITH cur AS (${cohort(year)}), prev AS (${cohort(year - 1)}),
    ranked AS (SELECT id, name, v, rank() OVER (ORDER BY v ${order}) AS rk FROM cur),
    pranked AS (SELECT id, rank() OVER (ORDER BY v ${order}) AS prk FROM prev)
    SELECT ranked.id, ranked.name, ranked.v, ranked.rk, pranked.prk, pranked.prk - ranked.rk AS change
      FROM ranked LEFT JOIN pranked USING (id)
     ORDER BY ranked.rk, ranked.name`;
}

/**
 * Query 3: the composite attainment score of every unit for one year: its plan's targets due that
 * year, min(actual/target, 1) for gte (target/actual for lte), a top_n target met when the unit's
 * rank in its cohort (province, type, class that year) by the indicator is within N, a missing
 * result counting 0; mean per reform area, then the mean over areas, × 100, ranked.
 */
export function compositeSql(year: number, dtiPrecision: number): string {
  return `
    WITH cls AS (${classAt(year)}),
    verified AS (
      SELECT unit_id, indicator_code, value FROM results WHERE period = '${year}' AND status = 'verified'),
    due AS (
      SELECT t.*, r.value AS actual
        FROM targets t
        LEFT JOIN verified r ON r.unit_id = t.unit_id AND r.indicator_code = t.indicator_code
       WHERE t.due_year = ${year} AND t.from_year <= ${year} AND t.to_year >= ${year}),
    cohort_rank AS (
      SELECT u.id, rank() OVER (PARTITION BY u.province_code, u.type, c.class
                                ORDER BY round(r.value, ${dtiPrecision}) DESC) AS rk
        FROM units u JOIN cls c ON c.unit_id = u.id
        JOIN verified r ON r.unit_id = u.id AND r.indicator_code = 'CQS.DTI'),
    contribution AS (
      SELECT d.unit_id, d.area,
             CASE
               WHEN d.comparator = 'top_n' THEN CASE WHEN cr.rk <= d.value THEN 1.0 ELSE 0.0 END
               WHEN d.actual IS NULL THEN 0.0
               WHEN d.comparator = 'lte' THEN CASE WHEN d.actual <= d.value THEN 1.0
                                                   ELSE greatest(0.0, d.value / d.actual) END
               ELSE least(1.0, greatest(0.0, d.actual / d.value))
             END AS c
        FROM due d LEFT JOIN cohort_rank cr ON cr.id = d.unit_id AND d.comparator = 'top_n'),
    by_area AS (SELECT unit_id, area, avg(c) AS m FROM contribution GROUP BY unit_id, area),
    score AS (SELECT unit_id, round(avg(m) * 100, 2) AS s FROM by_area GROUP BY unit_id)
    SELECT u.id, u.name, score.s, rank() OVER (ORDER BY score.s DESC) AS rk
      FROM score JOIN units u ON u.id = score.unit_id
     ORDER BY rk, u.name`;
}
