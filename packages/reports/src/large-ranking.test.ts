import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { renderRanking, type ReportFormat } from './index.js';
import { largeRanking, reportContext } from './testing/fixtures.js';
import { collect, pdfInfo, pdfText } from './testing/io.js';
import { measure } from './testing/memory.js';
import { cellText } from './testing/xlsx.js';

/** A national-size ranking (3,321 communes) in every format; time and memory are printed, not asserted. */
describe('a national ranking of 3,321 units', () => {
  const view = largeRanking(3321);
  const context = reportContext({ ownUnitId: view.rows[1500]!.unitId, topN: 10 });
  const figures: string[] = [];

  async function rendered(format: ReportFormat): Promise<Buffer> {
    const { result, milliseconds, peakRssDeltaMiB } = await measure(() =>
      collect((out) => renderRanking(view, context, format, out)),
    );
    figures.push(
      `${format.padEnd(4)} ${view.rows.length} rows: ${milliseconds.toFixed(0).padStart(6)} ms, ` +
        `peak RSS +${peakRssDeltaMiB.toFixed(1)} MiB, file ${(result.length / 1024).toFixed(0)} KiB`,
    );
    return result;
  }

  afterAll(() => {
    console.log(`\nNational ranking render figures:\n  ${figures.join('\n  ')}`);
  });

  it('has the expected size', () => {
    expect(view.total).toBe(3321);
    expect(view.rows).toHaveLength(3321);
    expect(view.excluded).toHaveLength(12);
  });

  it('CSV', async () => {
    const buffer = await rendered('csv');
    const rows = Papa.parse<string[]>(buffer.toString('utf8').slice(1), {
      skipEmptyLines: true,
    }).data;
    expect(rows).toHaveLength(1 + view.rows.length + view.excluded.length);
    expect(rows.slice(1, 1 + view.rows.length).map((row) => row[2])).toEqual(
      view.rows.map((row) => row.unitId),
    );
  });

  it('XLSX', async () => {
    const buffer = await rendered('xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Xếp hạng')!;
    const ids: string[] = [];
    let header = 0;
    sheet.eachRow((row, number) => {
      if (header === 0 && row.getCell(1).value === 'Hạng') header = number;
      else if (header > 0) ids.push(cellText(row.getCell(7)));
    });
    expect(ids).toEqual(view.rows.map((row) => row.unitId));
    expect(workbook.getWorksheet('Phương pháp')!.actualRowCount).toBeGreaterThan(
      view.excluded.length,
    );
  }, 180_000);

  it('PDF', async () => {
    const buffer = await rendered('pdf');
    const pages = Number(pdfInfo(buffer).Pages);
    expect(pages).toBeGreaterThan(60);
    const text = pdfText(buffer);
    expect(text).toContain(`Trang ${pages}/${pages}`);
    const last = view.rows.at(-1)!;
    expect(text).toContain(last.unitName);
  }, 180_000);

  it('DOCX', async () => {
    const buffer = await rendered('docx');
    const text = (await mammoth.extractRawText({ buffer })).value;
    expect(text).toContain(view.rows.at(-1)!.unitName);
    expect(text).toContain('THỦ TRƯỞNG ĐƠN VỊ');
  }, 180_000);
});
