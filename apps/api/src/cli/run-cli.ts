/**
 * `pnpm run cli …` — the command line of the product:
 *   ranking export --indicator CQS.DTI --period 2026 [--province HNI] [--type xa] [--class I] [--top 10]
 *                  [--ties competition|dense] [--include verified|submitted] --format xlsx|pdf|docx|csv -o FILE
 *   comparison export --units CODE,CODE,… --period 2025 --format … -o FILE
 *   migrate   (applies pending migrations once, under a lock; for a deploy's migration job)
 * Uses DATABASE_URL, else the embedded PostgreSQL under DATA_DIR (as `npm start` does); acts with
 * the rights of an administrator.
 */
import 'reflect-metadata';
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { ZComparisonQuery, ZRankingQuery, type TMe } from '@commune-bench/domain';
import { runPlanExtractCli } from '@commune-bench/plan-import/cli';
import { ZReportFormat } from '@commune-bench/reports';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createAppContext } from '../app.factory.js';
import { AppError } from '../common/app-error.js';
import { parseInput } from '../common/zod-parse.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { openDatabase } from '../database/embedded-postgres.js';
import { runMigrations } from '../database/migrate.js';
import { ReportsService } from '../reports/reports.service.js';

const USAGE = `Cách dùng:
  pnpm run cli migrate                                     (áp dụng các migration còn thiếu, một lần)
  pnpm run cli demo generate --scale national [--force]   (3.321 đơn vị, ~6,8 triệu kết quả; dữ liệu minh họa)
  pnpm run cli plan extract <tệp .txt|.md|.docx|.pdf> [--json]
  pnpm run cli ranking export --indicator CQS.DTI --period 2026 [--province HNI] [--type xa] [--class I]
                              [--top 10] [--ties competition|dense] [--include verified|submitted]
                              --format xlsx|pdf|docx|csv -o tep-xuat
  pnpm run cli comparison export --units MA_DON_VI,MA_DON_VI --period 2025 --format pdf -o tep-xuat`;

const SYSTEM_USER: TMe = {
  id: '00000000-0000-4000-8000-000000000000',
  username: 'cli',
  displayName: 'Dòng lệnh (quản trị)',
  role: 'admin',
  scope: { provinces: 'all', unitId: null },
};

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
}

/** Runs one command; returns the exit code. Errors the user can mend are printed in Vietnamese. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    io.stderr.write(
      `Lỗi: ${error instanceof AppError || error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const [group, action, ...rest] = argv;
  if (group === undefined || ['-h', '--help', 'help'].includes(group)) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // Reading a plan document needs no database.
  if (group === 'plan') return runPlanExtractCli(argv, io);
  if (group === 'demo' && action === 'generate') return generateDemo(rest, io);
  if (group === 'migrate') return migrate(io);
  if ((group !== 'ranking' && group !== 'comparison') || action !== 'export') {
    io.stderr.write(`Lệnh không rõ: ${argv.join(' ')}\n${USAGE}\n`);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      indicator: { type: 'string' },
      period: { type: 'string' },
      province: { type: 'string' },
      type: { type: 'string' },
      class: { type: 'string' },
      top: { type: 'string' },
      ties: { type: 'string' },
      include: { type: 'string' },
      units: { type: 'string' },
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
    },
    strict: true,
  });
  if (!values.output) throw new AppError('validation_failed', 2, 'Thiếu tệp xuất (-o).');
  const format = parseInput(ZReportFormat, values.format ?? values.output.split('.').pop());
  const config = loadConfig({ ...io.env, LOG_LEVEL: io.env.LOG_LEVEL ?? 'error' });
  const { url: databaseUrl, embedded } = await openDatabase(config);
  const app = await createAppContext(config, databaseUrl, 'cli', ['error']);
  try {
    const reports = app.get(ReportsService);
    let download;
    if (group === 'ranking') {
      const { units: _units, format: _format, output: _output, ...query } = values;
      download = await reports.ranking(SYSTEM_USER, parseInput(ZRankingQuery, query), format);
    } else {
      const codes = (values.units ?? '')
        .split(',')
        .map((code) => code.trim())
        .filter(Boolean);
      const dataSource = app.get<DataSource>(getDataSourceToken());
      const rows = await dataSource.query<{ id: string; code: string }[]>(
        'SELECT id, code FROM units WHERE code = ANY($1::varchar[])',
        [codes],
      );
      const missing = codes.filter((code) => !rows.some((row) => row.code === code));
      if (missing.length > 0)
        throw new AppError('not_found', 2, `Không có đơn vị mã: ${missing.join(', ')}`);
      const ids = codes.map((code) => rows.find((row) => row.code === code)!.id);
      download = await reports.comparison(
        SYSTEM_USER,
        parseInput(ZComparisonQuery, { units: ids.join(','), period: values.period }),
        format,
      );
    }
    await download.write(createWriteStream(values.output));
    io.stderr.write(`Đã ghi ${values.output}\n`);
    return 0;
  } finally {
    await app.close();
    await embedded?.stop();
  }
}

/**
 * The national demo data set (packages/bench): 34 provinces, 3,321 units, a plan each, about 6.8
 * million results, loaded with COPY. Into a database of its own: `DATABASE_URL`, else the embedded one.
 */
async function generateDemo(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { scale: { type: 'string' }, force: { type: 'boolean' } },
    strict: true,
  });
  if (values.scale !== 'national')
    throw new AppError('validation_failed', 2, 'Chỉ có --scale national.');
  const config = loadConfig({
    ...io.env,
    DEMO_DATA: 'false',
    LOG_LEVEL: io.env.LOG_LEVEL ?? 'error',
  });
  const { url: databaseUrl, embedded } = await openDatabase(config);
  try {
    // Starting the application context applies the migrations and loads provinces and the catalog.
    const app = await createAppContext(config, databaseUrl, 'cli', ['error']);
    await app.init();
    await app.close();
    const { generateNational } = await import('@commune-bench/bench/generate');
    const summary = await generateNational({
      databaseUrl,
      force: values.force === true,
      skipMigrate: true,
      log: (line) => io.stderr.write(`${line}\n`),
    });
    io.stdout.write(
      `${summary.units} đơn vị, ${summary.targets} chỉ tiêu, ${summary.results} kết quả (dữ liệu minh họa)\n`,
    );
    return 0;
  } finally {
    await embedded?.stop();
  }
}

/** Pending migrations, once: what a deploy's migration job runs before the API instances roll out. */
async function migrate(io: CliIo): Promise<number> {
  const config = loadConfig({ ...io.env, LOG_LEVEL: io.env.LOG_LEVEL ?? 'error' });
  const { url, embedded } = await openDatabase(config);
  try {
    const applied = await runMigrations(url);
    io.stdout.write(
      applied.length === 0
        ? 'Cơ sở dữ liệu đã ở phiên bản mới nhất.\n'
        : `Đã áp dụng ${applied.length} migration: ${applied.join(', ')}\n`,
    );
    return 0;
  } finally {
    await embedded?.stop();
  }
}
