/**
 * `node dist/generate.js --scale national --database-url postgres://…` — migrates the database
 * (by starting the built API once), then loads the national data set with COPY: 3,321 units, their
 * classifications, plans, phases and targets, and about 6.8 million results. Refuses to run twice on
 * the same database unless `--force` (which deletes the earlier national units first).
 */
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { migrate } from './api-process.js';
import {
  generateUnits,
  NATIONAL_CODE_PREFIX,
  NATIONAL_SEED,
  periodsPerUnit,
  unitResults,
  type NationalUnit,
} from './national.js';

/** One CSV field for COPY … (FORMAT csv): NULL is an empty unquoted field. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  return /[",\n\r]/.test(value) || value === '' ? `"${value.replace(/"/g, '""')}"` : value;
}

const csvLine = (fields: (string | number | boolean | null)[]) =>
  `${fields.map(csvField).join(',')}\n`;

/** Streams lines into `COPY table (columns) FROM STDIN (FORMAT csv)`, honouring back-pressure. */
async function copyInto(
  client: pg.PoolClient | pg.Client,
  table: string,
  columns: string[],
  lines: Iterable<string>,
): Promise<number> {
  const stream = client.query(
    copyFrom(
      `COPY ${table} (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN WITH (FORMAT csv)`,
    ),
  );
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  let buffer = '';
  let count = 0;
  for (const line of lines) {
    buffer += line;
    count += 1;
    if (buffer.length > 1 << 20) {
      if (!stream.write(buffer)) await once(stream, 'drain');
      buffer = '';
    }
  }
  if (buffer.length > 0) stream.write(buffer);
  stream.end();
  await done;
  return count;
}

const RESULTS_INDEXES = [
  `ALTER TABLE "results" ADD CONSTRAINT "PK_e8f2a9191c61c15b627c117a678" PRIMARY KEY ("id")`,
  `CREATE UNIQUE INDEX "uq_results_unit_period_indicator" ON "results" ("unit_id", "period", "indicator_code")`,
  `CREATE INDEX "idx_results_indicator_period_unit" ON "results" ("indicator_code", "period", "unit_id")`,
];

export interface GenerateOptions {
  databaseUrl: string;
  seed?: number;
  force?: boolean;
  skipMigrate?: boolean;
  log?: (line: string) => void;
}

export interface GenerateSummary {
  units: number;
  classifications: number;
  targets: number;
  results: number;
  seconds: Record<string, number>;
}

export async function generateNational(options: GenerateOptions): Promise<GenerateSummary> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const seed = options.seed ?? NATIONAL_SEED;
  const seconds: Record<string, number> = {};
  let started = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    const elapsed = Math.round(now - started) / 1000;
    seconds[name] = elapsed;
    started = now;
    log(`  ${name}: ${elapsed.toFixed(1)} s`);
  };

  if (!options.skipMigrate) {
    log('Migrating (starting the built API once)…');
    await migrate(options.databaseUrl);
    lap('migrate');
  }
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const provinces = (
      await client.query<{ code: string }>(
        `SELECT code FROM provinces WHERE valid_to IS NULL ORDER BY code`,
      )
    ).rows.map((row) => row.code);
    if (provinces.length !== 34)
      throw new Error(`expected the 34 current provinces, found ${provinces.length}`);
    const existing = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM units WHERE code LIKE $1`,
      [`${NATIONAL_CODE_PREFIX}%`],
    );
    if (Number(existing.rows[0]!.n) > 0) {
      if (!options.force)
        throw new Error(
          `the national data set is already loaded (${existing.rows[0]!.n} units); --force reloads it`,
        );
      log('Deleting the earlier national data set…');
      await client.query(`DELETE FROM units WHERE code LIKE $1`, [`${NATIONAL_CODE_PREFIX}%`]);
      lap('delete');
    }

    const units = generateUnits(provinces, seed);
    log(`Loading ${units.length} units in ${provinces.length} provinces…`);
    await client.query('BEGIN');
    await copyInto(
      client,
      'units',
      ['id', 'code', 'name', 'name_folded', 'type', 'province_code', 'is_demo', 'notes'],
      units.map((u) =>
        csvLine([
          u.id,
          u.code,
          u.name,
          u.nameFolded,
          u.type,
          u.provinceCode,
          true,
          'Dữ liệu minh họa quy mô toàn quốc (issue 7)',
        ]),
      ),
    );
    const classifications = await copyInto(
      client,
      'unit_classifications',
      ['id', 'unit_id', 'class', 'basis', 'valid_from', 'valid_to'],
      units.flatMap((u) =>
        u.classifications.map((c) =>
          csvLine([c.id, u.id, c.unitClass, c.basis, c.validFrom, c.validTo]),
        ),
      ),
    );
    await copyInto(
      client,
      'plans',
      ['id', 'unit_id', 'title', 'kind', 'issuer', 'status', 'from_year', 'to_year', 'is_demo'],
      units.map((u) =>
        csvLine([
          u.plan.id,
          u.id,
          u.plan.title,
          'ke_hoach',
          `UBND ${u.name}`,
          'issued',
          2026,
          2030,
          true,
        ]),
      ),
    );
    await copyInto(
      client,
      'plan_phases',
      ['id', 'plan_id', 'code', 'from_year', 'to_year'],
      units.flatMap((u) =>
        u.plan.phases.map((ph) => csvLine([ph.id, u.plan.id, ph.code, ph.from, ph.to])),
      ),
    );
    const targets = await copyInto(
      client,
      'targets',
      [
        'id',
        'plan_id',
        'indicator_code',
        'label',
        'area_in_plan',
        'comparator',
        'value',
        'unit',
        'due_year',
        'phase_code',
        'cohort',
        'reviewed',
        'position',
      ],
      units.flatMap((u) =>
        u.targets.map((t) =>
          csvLine([
            t.id,
            u.plan.id,
            t.indicatorCode,
            t.label,
            t.area,
            t.comparator,
            t.value,
            t.unit,
            t.dueYear,
            t.phaseCode,
            t.cohort === null ? null : JSON.stringify(t.cohort),
            true,
            t.position,
          ]),
        ),
      ),
    );
    await client.query('COMMIT');
    lap('units, classes, plans, targets');

    log(`Loading ${(units.length * periodsPerUnit()).toLocaleString('en')} results with COPY…`);
    await client.query('BEGIN');
    await client.query(`SET LOCAL maintenance_work_mem = '512MB'`);
    // Indexes are built once after the load rather than maintained row by row; the names and
    // definitions are the migration's, so the schema is unchanged afterwards.
    await client.query(`ALTER TABLE "results" DROP CONSTRAINT "PK_e8f2a9191c61c15b627c117a678"`);
    await client.query(`DROP INDEX "uq_results_unit_period_indicator"`);
    await client.query(`DROP INDEX "idx_results_indicator_period_unit"`);
    const results = await copyInto(
      client,
      'results',
      ['unit_id', 'indicator_code', 'period', 'value', 'source', 'evidence', 'status', 'is_demo'],
      resultLines(units, seed),
    );
    lap('results COPY');
    for (const statement of RESULTS_INDEXES) await client.query(statement);
    await client.query('COMMIT');
    lap('results indexes');
    await client.query('VACUUM (ANALYZE) results');
    await client.query('ANALYZE units, unit_classifications, plans, plan_phases, targets');
    lap('vacuum analyze');
    log(
      `Done: ${units.length} units, ${classifications} classifications, ${targets} targets, ${results.toLocaleString('en')} results.`,
    );
    return { units: units.length, classifications, targets, results, seconds };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

function* resultLines(units: readonly NationalUnit[], seed: number): Generator<string> {
  const source = csvField('Dữ liệu minh họa (issue 7)');
  for (const unit of units) {
    for (const r of unitResults(unit, seed)) {
      yield `${unit.id},${r.indicatorCode},${r.period},${r.value},${source},[],${r.status},t\n`;
    }
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'national' },
      'database-url': { type: 'string' },
      seed: { type: 'string' },
      force: { type: 'boolean', default: false },
      'skip-migrate': { type: 'boolean', default: false },
    },
  });
  if (values.scale !== 'national') {
    process.stderr.write(`--scale ${values.scale}: only "national" is supported\n`);
    process.exit(2);
  }
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  if (!databaseUrl) {
    process.stderr.write('--database-url (or DATABASE_URL) is required\n');
    process.exit(2);
  }
  const started = performance.now();
  await generateNational({
    databaseUrl,
    seed: values.seed === undefined ? undefined : Number(values.seed),
    force: values.force,
    skipMigrate: values['skip-migrate'],
  });
  process.stdout.write(`Total: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}
