import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TComparisonView, TRankingView, TUnitListItem } from '@commune-bench/domain';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import Papa from 'papaparse';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const binary = (response: Response) => response.body as Buffer;
const asBuffer = (request: ReturnType<TestApp['http']['get']>) =>
  request.buffer(true).parse((res, callback) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => callback(null, Buffer.concat(chunks)));
  });

describe('exported reports through the API', () => {
  let database: TestDatabase;
  let api: TestApp;
  const query = { indicator: 'TTHC.ONLINE_DOSSIER', period: '2026', province: 'HNI', type: 'xa' };
  let ranking: TRankingView;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startTestApp(database.url);
    ranking = (await (await api.as('reviewer.hanoi')).get('/api/rankings').query(query))
      .body as TRankingView;
  });

  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  const download = async (user: string, path: string, params: object) => {
    const agent = await api.as(user);
    return asBuffer(agent.get(path).query(params));
  };

  it('CSV: UTF-8 with BOM, Vietnamese header, the same units, ranks and values as the ranking', async () => {
    const response = await download('reviewer.hanoi', '/api/reports/ranking.csv', query);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toMatch(/filename\*=UTF-8''/);
    const bytes = binary(response);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<string[]>(bytes.toString('utf8').slice(1).trim(), {
      skipEmptyLines: true,
    });
    const [header, ...rows] = parsed.data;
    expect(header).toContain('Hạng');
    const ranked = rows.filter((row) => /^\d+$/.test(row[0] ?? ''));
    expect(ranked.map((row) => Number(row[0]))).toEqual(ranking.rows.map((row) => row.rank));
    expect(
      ranked.map((row) => row.find((cell) => ranking.rows.some((r) => r.unitName === cell))),
    ).toEqual(ranking.rows.map((row) => row.unitName));
  });

  it('XLSX: the same rows in the same order, Vietnamese names intact', async () => {
    const response = await download('reviewer.hanoi', '/api/reports/ranking.xlsx', query);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(binary(response) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const names: string[] = [];
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && ranking.rows.some((r) => r.unitName === cell.value))
          names.push(cell.value);
      });
    });
    expect(names).toEqual(ranking.rows.map((row) => row.unitName));
    expect(workbook.worksheets.length).toBeGreaterThanOrEqual(2);
  });

  it('PDF: the administrative header, every unit with its rank, page numbers', async () => {
    const response = await download('reviewer.hanoi', '/api/reports/ranking.pdf', query);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const folder = mkdtempSync(join(tmpdir(), 'cb-report-'));
    const file = join(folder, 'ranking.pdf');
    writeFileSync(file, binary(response));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('SỞ NỘI VỤ');
    expect(text).toMatch(/Hà Nội, ngày \d+ tháng \d+ năm \d{4}/);
    for (const row of ranking.rows) expect(text).toContain(row.unitName);
    expect(text).toMatch(/Trang 1\/\d+/);
  });

  it('DOCX: the same content, readable back', async () => {
    const response = await download('reviewer.hanoi', '/api/reports/ranking.docx', query);
    expect(response.status).toBe(200);
    const { value } = await mammoth.extractRawText({ buffer: binary(response) });
    expect(value).toContain('Độc lập - Tự do - Hạnh phúc');
    for (const row of ranking.rows) expect(value).toContain(row.unitName);
  });

  it('a comparison report of two units, and the caller scope enforced', async () => {
    const units = (
      await (
        await api.as('reviewer.hanoi')
      )
        .get('/api/units')
        .query({ province: 'HNI', type: 'xa' })
    ).body as TUnitListItem[];
    const params = {
      units: units
        .slice(0, 2)
        .map((unit) => unit.id)
        .join(','),
      period: '2026',
    };
    const view = (await (await api.as('reviewer.hanoi')).get('/api/comparisons').query(params))
      .body as TComparisonView;
    const response = await download('reviewer.hanoi', '/api/reports/comparison.docx', params);
    expect(response.status).toBe(200);
    const { value } = await mammoth.extractRawText({ buffer: binary(response) });
    for (const unit of view.units) expect(value).toContain(unit.name);
    expect((await download('odien', '/api/reports/comparison.csv', params)).status).toBe(403);
    expect(
      (await download('odien', '/api/reports/ranking.csv', { ...query, province: 'HUE' })).status,
    ).toBe(403);
    expect((await download('reviewer.hanoi', '/api/reports/ranking.exe', query)).status).toBe(400);
  });
});
