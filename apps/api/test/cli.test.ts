import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZPlanProposal, type TRankingView } from '@commune-bench/domain';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run-cli.js';
import { startTestApp, TEST_DEMO_PASSWORD, type TestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

describe('pnpm run cli', () => {
  let database: TestDatabase;
  let api: TestApp;
  const output = { stdout: '', stderr: '' };
  const io = (env: Record<string, string>) => ({
    stdout: { write: (text: string) => (output.stdout += text) },
    stderr: { write: (text: string) => (output.stderr += text) },
    env: {
      DATABASE_URL: database.url,
      DEMO_PASSWORD: TEST_DEMO_PASSWORD,
      DB_RETRY_ATTEMPTS: '0',
      ...env,
    },
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startTestApp(database.url);
  });

  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it('exports the same ranking the API returns', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cb-cli-')), 'xep-hang.csv');
    const code = await runCli(
      [
        'ranking',
        'export',
        '--indicator',
        'CQS.DTI',
        '--period',
        '2026',
        '--province',
        'HNI',
        '--type',
        'xa',
        '--class',
        'I',
        '--format',
        'csv',
        '-o',
        file,
      ],
      io({}),
    );
    expect(code, output.stderr).toBe(0);
    const view = (
      await (
        await api.as('reviewer')
      )
        .get('/api/rankings')
        .query({ indicator: 'CQS.DTI', period: '2026', province: 'HNI', type: 'xa', class: 'I' })
    ).body as TRankingView;
    const rows = Papa.parse<string[]>(readFileSync(file, 'utf8').slice(1).trim())
      .data.slice(1)
      .filter((row) => /^\d+$/.test(row[0] ?? ''));
    expect(rows.map((row) => Number(row[0]))).toEqual(view.rows.map((row) => row.rank));
  });

  it('reads a plan document: plan extract --json prints only the proposal JSON', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cb-cli-')), 'ke-hoach.txt');
    writeFileSync(
      file,
      'KẾ HOẠCH cải cách hành chính năm 2025 của xã Thử\nTỷ lệ giải quyết hồ sơ đúng hạn đạt tối thiểu 98%.\n',
    );
    output.stdout = '';
    expect(await runCli(['plan', 'extract', file, '--json'], io({}))).toBe(0);
    const proposal = ZPlanProposal.parse(JSON.parse(output.stdout));
    expect(proposal.targets).toContainEqual(
      expect.objectContaining({ indicatorCode: 'TTHC.ONTIME', value: 98, dueYear: 2025 }),
    );
    expect(
      await runCli(['plan', 'extract', join(tmpdir(), 'khong-co-tep.txt'), '--json'], io({})),
    ).not.toBe(0);
  });

  it('explains a wrong command and a missing output file, with a non-zero exit', async () => {
    expect(await runCli(['ranking', 'print'], io({}))).toBe(2);
    expect(output.stderr).toMatch(/Lệnh không rõ/);
    expect(
      await runCli(['ranking', 'export', '--indicator', 'CQS.DTI', '--period', '2026'], io({})),
    ).toBe(1);
    expect(output.stderr).toMatch(/Thiếu tệp xuất/);
    expect(
      await runCli(
        ['ranking', 'export', '--indicator', 'CQS.DTI', '--period', '2026-Q9', '-o', '/tmp/x.csv'],
        io({}),
      ),
    ).toBe(1);
    expect(output.stderr).toMatch(/period/);
  });
});
