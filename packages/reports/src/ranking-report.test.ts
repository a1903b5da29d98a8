import { describeCohortVi, DomainError, type TRankingView } from '@commune-bench/domain';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import mammoth from 'mammoth';
import Papa from 'papaparse';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderRanking, type ReportContext } from './index.js';
import {
  FORMULA_UNIT_NAME,
  indicatorOf,
  largeRanking,
  reportContext,
  smallRanking,
} from './testing/fixtures.js';
import { collect, MemorySink, pdfFonts, pdfInfo, pdfText } from './testing/io.js';
import { cellText, headerRowNumber, readWorkbook } from './testing/xlsx.js';

const SAFE_FORMULA_NAME = `'${FORMULA_UNIT_NAME}`;

function sheetLines(sheet: ExcelJS.Worksheet): string[] {
  const lines: string[] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell((cell) => cells.push(cellText(cell)));
    lines.push(cells.join(' | '));
  });
  return lines;
}

/** Indexes of `needles` in `haystack`, each searched after the previous one; -1 when one is missing. */
function positionsInOrder(haystack: string, needles: readonly string[]): number[] {
  const positions: number[] = [];
  let from = 0;
  for (const needle of needles) {
    const at = haystack.indexOf(needle, from);
    positions.push(at);
    if (at >= 0) from = at + needle.length;
  }
  return positions;
}

describe('the test ranking (built with rankUnits)', () => {
  it('has ties, a provisional row, a new unit and three units left out', () => {
    const view = smallRanking();
    expect(view.rows.map((row) => [row.rank, row.unitName])).toEqual([
      [1, 'Hương Trà'],
      [2, 'Đan Phượng'],
      [2, 'Ô Diên'],
      [4, 'Hoài Hảo'],
      [5, 'Hưng Thịnh'],
      [6, FORMULA_UNIT_NAME],
      [7, 'Liên Hồng'],
    ]);
    expect(view.rows.find((row) => row.unitId === 'lienhong')?.isNew).toBe(true);
    expect(view.rows.find((row) => row.unitId === 'hungthinh')?.provisional).toBe(true);
    expect(view.excluded.map((row) => row.reason).sort()).toEqual([
      'no_data',
      'not_in_cohort_that_year',
      'not_verified',
    ]);
  });
});

describe('XLSX', () => {
  let workbook: ExcelJS.Workbook;
  let sheet: ExcelJS.Worksheet;
  let headerRow: number;
  const view = smallRanking();

  beforeAll(async () => {
    workbook = await readWorkbook(
      await collect((out) => renderRanking(view, reportContext(), 'xlsx', out)),
    );
    const first = workbook.getWorksheet('Xếp hạng');
    if (first === undefined) throw new Error('no ranking sheet');
    sheet = first;
    headerRow = headerRowNumber(sheet);
  });

  it('has the ranking sheet and the method sheet', () => {
    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual([
      'Xếp hạng',
      'Phương pháp',
    ]);
  });

  it('starts with a title block', () => {
    const lines = Array.from({ length: headerRow - 1 }, (_value, index) =>
      cellText(sheet.getRow(index + 1).getCell(1)),
    );
    expect(lines).toContain('SỞ NỘI VỤ THÀNH PHỐ HÀ NỘI');
    expect(lines).toContain('Hà Nội, ngày 12 tháng 6 năm 2026');
    expect(lines).toContain('BẢNG XẾP HẠNG');
    expect(lines).toContain('Tỷ lệ hồ sơ giải quyết đúng hạn – năm 2026');
    expect(lines).toContain('Nhóm so sánh: xã loại I, tỉnh/thành Hà Nội');
  });

  it('freezes the header row and filters on it', () => {
    expect(headerRow).toBeGreaterThan(1);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
    expect(sheet.autoFilter).toBe(`A${headerRow}:G${headerRow + view.rows.length}`);
    expect(
      [1, 2, 3, 4, 5, 6, 7].map((column) => cellText(sheet.getRow(headerRow).getCell(column))),
    ).toEqual([
      'Hạng',
      'Đơn vị',
      'Giá trị (%)',
      'Hạng kỳ trước',
      'Thay đổi',
      'Ghi chú',
      'Mã đơn vị',
    ]);
  });

  it('holds the same units, ranks and values in the same order, as numbers', () => {
    const rows = view.rows.map((_row, index) => sheet.getRow(headerRow + 1 + index));
    expect(rows.map((row) => row.getCell(1).value)).toEqual(view.rows.map((row) => row.rank));
    expect(rows.map((row) => cellText(row.getCell(2)))).toEqual(
      view.rows.map((row) =>
        row.unitName === FORMULA_UNIT_NAME ? SAFE_FORMULA_NAME : row.unitName,
      ),
    );
    expect(rows.map((row) => row.getCell(3).value)).toEqual(view.rows.map((row) => row.value));
    expect(rows.map((row) => row.getCell(4).value ?? null)).toEqual(
      view.rows.map((row) => row.previousRank),
    );
    expect(rows.map((row) => cellText(row.getCell(5)))).toEqual([
      '▲ 1',
      '▼ 1',
      '▲ 3',
      '=',
      '▼ 2',
      '=',
      'mới',
    ]);
    expect(rows.map((row) => cellText(row.getCell(7)))).toEqual(view.rows.map((row) => row.unitId));
    expect(sheet.getRow(headerRow + 1 + view.rows.length).getCell(1).value ?? null).toBeNull();
  });

  it('formats percents 0–100 with the indicator precision', () => {
    const value = sheet.getRow(headerRow + 1).getCell(3);
    expect(value.numFmt).toBe('0.0"%"');
    expect(value.value).toBe(97);
  });

  it('highlights the own unit (bold, yellow) and the top N (green), marks provisional values', () => {
    const rowOf = (unitId: string) =>
      sheet.getRow(headerRow + 1 + view.rows.findIndex((row) => row.unitId === unitId));
    const fillOf = (row: ExcelJS.Row) => {
      const fill = row.getCell(2).fill;
      return fill?.type === 'pattern' ? fill.fgColor?.argb : undefined;
    };
    expect(rowOf('odien').getCell(2).font?.bold).toBe(true);
    expect(fillOf(rowOf('odien'))).toBe('FFFFF2CC');
    expect(fillOf(rowOf('huongtra'))).toBe('FFE2EFDA');
    expect(fillOf(rowOf('danphuong'))).toBe('FFE2EFDA');
    expect(fillOf(rowOf('hoaihao'))).toBeUndefined();
    expect(rowOf('hoaihao').getCell(2).font?.bold).toBeFalsy();
    expect(cellText(rowOf('hungthinh').getCell(6))).toBe('Tạm tính (chưa thẩm định)');
  });

  it('neutralises a unit name that looks like a formula', () => {
    const cell = sheet.getRow(headerRow + 6).getCell(2);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    expect(cellText(cell)).toBe(SAFE_FORMULA_NAME);
  });

  it('states the method and the units left out on the second sheet', () => {
    const method = workbook.getWorksheet('Phương pháp');
    if (method === undefined) throw new Error('no method sheet');
    const text = sheetLines(method).join('\n');
    expect(text).toContain(
      `Nhóm so sánh | ${describeCohortVi(view.method.cohort, { provinceName: () => 'Hà Nội' })}`,
    );
    expect(text).toContain('Kỳ xếp hạng | năm 2026');
    expect(text).toContain('So sánh với kỳ trước | năm 2025');
    expect(text).toContain('Tỷ lệ hồ sơ giải quyết đúng hạn (TTHC.ONTIME)');
    expect(text).toContain('xếp hạng đồng hạng kiểu 1, 2, 2, 4'.replace(/^x/, 'X'));
    expect(text).toContain('làm tròn đến 1 chữ số thập phân');
    expect(text).toContain('Số liệu được tính | đã thẩm định; đã gửi, chưa thẩm định');
    expect(text).toContain(
      'Nguồn số liệu | Hệ thống thông tin giải quyết thủ tục hành chính thành phố Hà Nội',
    );
    expect(text).toContain('Thời điểm lập | 10 giờ 05, ngày 12 tháng 6 năm 2026');
    expect(text).toContain('Người lập | Nguyễn Thị Hằng');
    expect(text).toContain('ĐƠN VỊ KHÔNG ĐƯỢC XẾP HẠNG (3)');
    expect(text).toContain('Kim Động | Chưa được thẩm định | kimdong');
    expect(text).toContain('Phú Xuyên | Không thuộc nhóm trong năm | phuxuyen');
    expect(text).toContain('Yên Nghĩa | Chưa có số liệu | yennghia');
  });

  it('says which tie rule: dense is 1, 2, 2, 3', async () => {
    const dense: TRankingView = {
      ...smallRanking(),
      method: { ...smallRanking().method, ties: 'dense' },
    };
    const book = await readWorkbook(
      await collect((out) => renderRanking(dense, reportContext(), 'xlsx', out)),
    );
    const method = book.getWorksheet('Phương pháp');
    expect(sheetLines(method!).join('\n')).toContain('Xếp hạng đồng hạng kiểu 1, 2, 2, 3');
  });

  it.each([
    ['CDDH.PAR_INDEX', '0.00"%"'],
    ['CQS.DTI', '0.0000'],
    ['CDDH.INITIATIVE_COUNT', '#,##0'],
  ])('number format for %s is %s', async (code, format) => {
    const indicator = indicatorOf(code);
    const base = smallRanking();
    const view: TRankingView = {
      ...base,
      method: { ...base.method, indicator: code, precision: indicator.precision },
    };
    const context = reportContext({
      indicator: {
        code,
        nameVi: indicator.nameVi,
        unit: indicator.unit,
        precision: indicator.precision,
      },
    });
    const book = await readWorkbook(
      await collect((out) => renderRanking(view, context, 'xlsx', out)),
    );
    const ranking = book.getWorksheet('Xếp hạng')!;
    expect(ranking.getRow(headerRowNumber(ranking) + 1).getCell(3).numFmt).toBe(format);
  });
});

describe('PDF', () => {
  let buffer: Buffer;
  let text: string;
  let layout: string;
  const view = smallRanking();

  beforeAll(async () => {
    buffer = await collect((out) => renderRanking(view, reportContext(), 'pdf', out));
    text = pdfText(buffer);
    layout = pdfText(buffer, { layout: true });
  });

  it('is an A4 PDF with the DejaVu font embedded', () => {
    expect(buffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfInfo(buffer)['Page size']).toMatch(/^595\.28 x 841\.89 pts \(A4\)/);
    const fonts = pdfFonts(buffer);
    expect(fonts).toMatch(/DejaVuSerif/);
    for (const line of fonts.split('\n').filter((entry) => entry.includes('DejaVu')))
      expect(line).toMatch(/\byes\s+yes\s+yes\b/);
  });

  it('has the header of an administrative document', () => {
    expect(text).toContain('SỞ NỘI VỤ');
    expect(text).toContain('THÀNH PHỐ HÀ NỘI');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Hà Nội, ngày 12 tháng 6 năm 2026');
    // Issuing body at left, the national name at right, on the same line.
    expect(layout).toMatch(/SỞ NỘI VỤ\s{3,}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
  });

  it('has the title and every ranked unit with its rank and value, in order', () => {
    expect(text).toContain('BẢNG XẾP HẠNG');
    expect(text).toContain('Tỷ lệ hồ sơ giải quyết đúng hạn – năm 2026');
    const table = layout.slice(layout.indexOf('Ghi chú'), layout.indexOf('Biểu đồ'));
    const positions = positionsInOrder(
      table,
      view.rows.map((row) => row.unitName.slice(0, 16)),
    );
    expect(positions.every((position) => position >= 0)).toBe(true);
    for (const row of view.rows) {
      if (row.unitName === FORMULA_UNIT_NAME) continue;
      expect(table).toMatch(
        new RegExp(
          `^\\s*${row.rank}\\s+${row.unitName}\\s+${row.displayValue.replace('%', '%')}`,
          'mu',
        ),
      );
    }
  });

  it('keeps Vietnamese diacritics intact', () => {
    for (const word of [
      'Ô Diên',
      'Đan Phượng',
      'Hương Trà',
      'Hưng Thịnh',
      'Liên Hồng',
      'Nguyễn Thị Hằng',
    ])
      expect(text).toContain(word);
    expect(text).not.toMatch(/\uFFFD/);
  });

  it('has the bar chart, the method note, the units left out and a signature block', () => {
    expect(text).toContain('Biểu đồ xếp hạng – Tỷ lệ hồ sơ giải quyết đúng hạn');
    expect(text).toContain('PHƯƠNG PHÁP XẾP HẠNG');
    expect(text).toMatch(/Xếp hạng đồng hạng kiểu 1, 2, 2, 4/);
    expect(text).toContain('ĐƠN VỊ KHÔNG ĐƯỢC XẾP HẠNG (3)');
    expect(layout).toMatch(/Kim Động\s+Chưa được thẩm định/);
    expect(layout).toMatch(/Yên Nghĩa\s+Chưa có số liệu/);
    expect(layout).toMatch(/Phú Xuyên\s+Không thuộc nhóm trong năm/);
    expect(text).toContain('NGƯỜI LẬP BIỂU');
    expect(text).toContain('THỦ TRƯỞNG ĐƠN VỊ');
  });

  it('numbers every page "Trang X/Y"', () => {
    const pages = Number(pdfInfo(buffer).Pages);
    expect(pages).toBeGreaterThanOrEqual(1);
    for (let page = 1; page <= pages; page += 1)
      expect(pdfText(buffer, { first: page, last: page })).toContain(`Trang ${page}/${pages}`);
  });

  it('breaks a long table across pages with the header repeated, and charts only the first 30', async () => {
    const long = largeRanking(150);
    const pdf = await collect((out) =>
      renderRanking(long, reportContext({ ownUnitId: 'u7' }), 'pdf', out),
    );
    const pages = Number(pdfInfo(pdf).Pages);
    expect(pages).toBeGreaterThanOrEqual(4);
    const all = pdfText(pdf, { layout: true });
    const lastRow = long.rows.at(-1)!;
    let pagesWithRows = 0;
    for (let page = 1; page <= pages; page += 1) {
      const pageText = pdfText(pdf, { first: page, last: page, layout: true });
      expect(pageText).toContain(`Trang ${page}/${pages}`);
      if (/^\s*\d+\s+\S.*\d,\d%/mu.test(pageText) && !pageText.includes('Biểu đồ')) {
        pagesWithRows += 1;
        expect(pageText).toMatch(/Hạng\s+Đơn vị\s+Giá trị \(%\)/);
      }
    }
    expect(pagesWithRows).toBeGreaterThanOrEqual(3);
    expect(all).toContain(lastRow.unitName);
    expect(all).toContain('Biểu đồ: 30 đơn vị đứng đầu');
    const chart = all.slice(all.indexOf('Biểu đồ: 30'), all.indexOf('PHƯƠNG PHÁP'));
    expect(chart).toContain(`${long.rows[29]!.rank}. ${long.rows[29]!.unitName.slice(0, 10)}`);
    expect(chart).not.toContain(`${long.rows[30]!.rank}. ${long.rows[30]!.unitName} `);
  });

  it('says "Dữ liệu minh họa" on demo data', async () => {
    const pdf = await collect((out) =>
      renderRanking(view, reportContext({ isDemo: true }), 'pdf', out),
    );
    const pages = Number(pdfInfo(pdf).Pages);
    for (let page = 1; page <= pages; page += 1)
      expect(pdfText(pdf, { first: page, last: page })).toContain('Dữ liệu minh họa');
    expect(text).not.toContain('Dữ liệu minh họa');
  });
});

describe('DOCX', () => {
  let buffer: Buffer;
  let text: string;
  let documentXml: string;
  let stylesXml: string;
  const view = smallRanking();

  beforeAll(async () => {
    buffer = await collect((out) => renderRanking(view, reportContext(), 'docx', out));
    text = (await mammoth.extractRawText({ buffer })).value;
    const files = unzipSync(new Uint8Array(buffer));
    documentXml = strFromU8(files['word/document.xml']!);
    stylesXml = strFromU8(files['word/styles.xml']!);
  });

  it('has the national header, the title and a signature block', () => {
    for (const line of [
      'SỞ NỘI VỤ',
      'THÀNH PHỐ HÀ NỘI',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hà Nội, ngày 12 tháng 6 năm 2026',
      'BẢNG XẾP HẠNG',
      'Tỷ lệ hồ sơ giải quyết đúng hạn – năm 2026',
      'NGƯỜI LẬP BIỂU',
      'THỦ TRƯỞNG ĐƠN VỊ',
      '(Ký, ghi rõ họ tên)',
    ])
      expect(text).toContain(line);
    // The motto is underlined.
    expect(documentXml).toMatch(
      /<w:u w:val="single"\/>(?:(?!<\/w:r>).)*Độc lập - Tự do - Hạnh phúc/s,
    );
  });

  it('lists every unit with its rank and value in order, then the method and the units left out', () => {
    const lines = text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    const tableStart = lines.indexOf('Ghi chú');
    const sequence = view.rows.flatMap((row) => [String(row.rank), row.unitName, row.displayValue]);
    const positions = positionsInOrder(lines.slice(tableStart).join('\n'), sequence);
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(text).toContain('PHƯƠNG PHÁP XẾP HẠNG');
    expect(text).toContain('Quy tắc đồng hạng: Xếp hạng đồng hạng kiểu 1, 2, 2, 4');
    expect(text).toContain('Chưa được thẩm định');
    expect(text).toContain('Không thuộc nhóm trong năm');
    expect(text).toContain('Chưa có số liệu');
  });

  it('has the bar chart as an editable table, own unit and top N in their colours', () => {
    expect(text).toContain('Biểu đồ xếp hạng – Tỷ lệ hồ sơ giải quyết đúng hạn');
    expect(text).toContain('2. Ô Diên');
    expect(documentXml.match(/w:fill="E67E22"/g) ?? []).toHaveLength(1);
    expect(documentXml.match(/w:fill="2E7D32"/g) ?? []).toHaveLength(2);
    expect(documentXml.match(/w:fill="4472C4"/g) ?? []).toHaveLength(view.rows.length - 3);
  });

  it('follows Nghị định 30: A4, margins, Times New Roman 14 pt, a repeated table header', () => {
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(documentXml).toMatch(
      /<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/,
    );
    expect(stylesXml).toContain('w:ascii="Times New Roman"');
    expect(stylesXml).toMatch(/<w:sz w:val="28"\/>/);
    expect(documentXml).toContain('<w:tblHeader/>');
    expect(documentXml).not.toContain('<w:drawing');
  });
});

describe('CSV', () => {
  let buffer: Buffer;
  let rows: string[][];
  const view = smallRanking();

  beforeAll(async () => {
    buffer = await collect((out) =>
      renderRanking(view, reportContext({ isDemo: false }), 'csv', out),
    );
    const parsed = Papa.parse<string[]>(buffer.toString('utf8').replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    rows = parsed.data;
  });

  it('starts with a UTF-8 byte order mark and a Vietnamese header row', () => {
    expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(rows[0]).toEqual([
      'Hạng',
      'Đơn vị',
      'Mã đơn vị',
      'Giá trị',
      'Hạng kỳ trước',
      'Thay đổi',
      'Ghi chú',
    ]);
  });

  it('has one row per ranked unit in order with plain values, then the units left out', () => {
    const ranked = rows.slice(1, 1 + view.rows.length);
    expect(ranked).toEqual(
      view.rows.map((row) => [
        String(row.rank),
        row.unitName === FORMULA_UNIT_NAME ? SAFE_FORMULA_NAME : row.unitName,
        row.unitId,
        String(row.value),
        row.previousRank === null ? '' : String(row.previousRank),
        row.isNew ? 'mới' : row.change === null ? '' : String(row.change),
        row.provisional ? 'Tạm tính (chưa thẩm định)' : '',
      ]),
    );
    expect(ranked[2]?.[3]).toBe('92.4');
    expect(rows.slice(1 + view.rows.length)).toEqual(
      view.excluded.map((row) => [
        '',
        row.unitName,
        row.unitId,
        '',
        '',
        '',
        {
          no_data: 'Chưa có số liệu',
          not_verified: 'Chưa được thẩm định',
          not_in_cohort_that_year: 'Không thuộc nhóm trong năm',
        }[row.reason],
      ]),
    );
  });

  it('neutralises formula-like text with a leading apostrophe', () => {
    expect(buffer.toString('utf8')).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(rows.some((row) => row[1] === SAFE_FORMULA_NAME)).toBe(true);
  });

  it('marks every row of demo data', async () => {
    const demo = await collect((out) =>
      renderRanking(view, reportContext({ isDemo: true }), 'csv', out),
    );
    const parsed = Papa.parse<string[]>(demo.toString('utf8').replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    });
    expect(parsed.data.slice(1).every((row) => row[6]?.includes('Dữ liệu minh họa'))).toBe(true);
  });
});

describe('every format', () => {
  it('renders the rows as given, without re-ranking them', async () => {
    const base = smallRanking();
    const reversed: TRankingView = { ...base, rows: [...base.rows].reverse() };
    const csv = (
      await collect((out) => renderRanking(reversed, reportContext(), 'csv', out))
    ).toString('utf8');
    const names = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true })
      .data.slice(1, 1 + reversed.rows.length)
      .map((row) => row[1]);
    expect(names).toEqual(
      reversed.rows.map((row) =>
        row.unitName === FORMULA_UNIT_NAME ? SAFE_FORMULA_NAME : row.unitName,
      ),
    );
    const book = await readWorkbook(
      await collect((out) => renderRanking(reversed, reportContext(), 'xlsx', out)),
    );
    const sheet = book.getWorksheet('Xếp hạng')!;
    const header = headerRowNumber(sheet);
    expect(sheet.getRow(header + 1).getCell(2).value).toBe('Liên Hồng');
    const pdf = pdfText(
      await collect((out) => renderRanking(reversed, reportContext(), 'pdf', out)),
      { layout: true },
    );
    expect(pdf.indexOf('Liên Hồng')).toBeLessThan(pdf.indexOf('Hương Trà'));
  });

  it.each(['xlsx', 'pdf', 'docx', 'csv'] as const)(
    '%s: rejects an invalid context with a coded error and destroys the output',
    async (format) => {
      const sink = new MemorySink();
      sink.on('error', () => undefined);
      const bad: ReportContext = { ...reportContext(), date: '12/06/2026' };
      const failure = await renderRanking(smallRanking(), bad, format, sink).catch(
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(DomainError);
      expect((failure as DomainError).code).toBe('invalid_argument');
      expect((failure as DomainError).message).toContain('date');
      expect(sink.destroyed).toBe(true);
    },
  );

  it.each(['xlsx', 'pdf', 'docx', 'csv'] as const)(
    '%s: fails (does not hang) when the output fails, as when a client goes away',
    async (format) => {
      const broken = new Writable({
        write(_chunk, _encoding, callback) {
          callback(new Error('client went away'));
        },
      });
      broken.on('error', () => undefined);
      await expect(
        renderRanking(largeRanking(400), reportContext(), format, broken),
      ).rejects.toThrow('client went away');
    },
  );

  it('refuses a context naming another indicator than the ranking', async () => {
    const context = reportContext({
      indicator: {
        code: 'CQS.DTI',
        nameVi: 'Chỉ số chuyển đổi số (DTI)',
        unit: 'score',
        precision: 4,
      },
    });
    const sink = new MemorySink();
    sink.on('error', () => undefined);
    await expect(renderRanking(smallRanking(), context, 'csv', sink)).rejects.toThrow(/CQS\.DTI/);
  });

  it('names the composite score and states how to read it', async () => {
    const base = smallRanking();
    const view: TRankingView = {
      ...base,
      method: { ...base.method, indicator: 'composite', precision: 2 },
    };
    const book = await readWorkbook(
      await collect((out) =>
        renderRanking(view, reportContext({ indicator: 'composite' }), 'xlsx', out),
      ),
    );
    const sheet = book.getWorksheet('Xếp hạng')!;
    expect(sheet.getRow(headerRowNumber(sheet)).getCell(3).value).toBe('Điểm (0–100)');
    expect(sheet.getRow(headerRowNumber(sheet) + 1).getCell(3).numFmt).toBe('0.00');
    expect(sheetLines(book.getWorksheet('Phương pháp')!).join('\n')).toContain(
      'đơn vị đặt chỉ tiêu thấp',
    );
  });
});
