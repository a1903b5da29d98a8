import { formatTargetVi, REFORM_AREA_NAMES_VI, type TComparisonView } from '@commune-bench/domain';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderComparison } from './index.js';
import { COMPARISON_UNITS, comparisonView, reportContext } from './testing/fixtures.js';
import { collect, pdfInfo, pdfText } from './testing/io.js';
import { cellText } from './testing/xlsx.js';

const STATUS_VI: Record<string, string> = {
  met: 'Đạt',
  not_met: 'Không đạt',
  on_track: 'Đúng tiến độ',
  off_track: 'Chậm tiến độ',
  no_data: 'Chưa có số liệu',
  not_applicable: 'Không áp dụng',
};

function cellOf(view: TComparisonView, code: string, unitId: string) {
  const cell = view.rows
    .find((row) => row.indicatorCode === code)
    ?.cells.find((c) => c.unitId === unitId);
  if (cell === undefined) throw new Error(`no cell ${code} ${unitId}`);
  return cell;
}

describe('the test comparison (built with buildComparison)', () => {
  it('has two areas, a unit without a target, statuses and most/least ambitious targets', () => {
    const view = comparisonView();
    expect(view.rows.map((row) => [row.area, row.indicatorCode])).toEqual([
      ['TTHC', 'TTHC.ONTIME'],
      ['TTHC', 'TTHC.FULL_ONLINE_SVC'],
      ['CQS', 'CQS.DTI'],
    ]);
    expect(view.rows[1]?.unitsWithoutTarget).toEqual(['danphuong']);
    expect(cellOf(view, 'TTHC.ONTIME', 'hoaihao').mostAmbitious).toBe(true);
    expect(cellOf(view, 'TTHC.ONTIME', 'odien').leastAmbitious).toBe(true);
    const statuses = new Set(
      view.rows.flatMap((row) => row.cells.map((cell) => cell.attainment?.status)),
    );
    expect(statuses).toEqual(
      new Set(['met', 'not_met', 'on_track', 'off_track', 'no_data', undefined]),
    );
  });
});

describe('comparison report', () => {
  const view = comparisonView();
  const context = reportContext();
  const display = { unit: 'percent' as const, precision: 1 };

  describe('XLSX', () => {
    let sheet: ExcelJS.Worksheet;
    let workbook: ExcelJS.Workbook;
    beforeAll(async () => {
      workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(
        (await collect((out) =>
          renderComparison(view, context, 'xlsx', out),
        )) as unknown as ArrayBuffer,
      );
      sheet = workbook.getWorksheet('So sánh')!;
    });

    it('has per area a row per indicator and per unit the target, result and status', () => {
      const texts: string[][] = [];
      sheet.eachRow((row) => {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell) => cells.push(cellText(cell)));
        texts.push(cells);
      });
      const flat = texts.map((cells) => cells.join(' | ')).join('\n');
      expect(flat).toContain('III. Cải cách thủ tục hành chính');
      expect(flat).toContain(`VII. ${REFORM_AREA_NAMES_VI.CQS}`);
      expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual([
        'So sánh',
        'Phương pháp',
      ]);
      const row = texts.find((cells) => cells[0]?.startsWith('Tỷ lệ hồ sơ giải quyết đúng hạn'));
      expect(row).toBeDefined();
      const odien = cellOf(view, 'TTHC.ONTIME', 'odien');
      expect(row?.[1]).toBe(`Tối thiểu 90,0% đến năm 2026 (thấp nhất)`);
      expect(row?.[2]).toBe('91,0% (năm 2026)');
      expect(row?.[3]).toBe(STATUS_VI[odien.attainment!.status]);
      expect(row?.[10]).toBe(`Tối thiểu 96,0% đến năm 2026 (cao nhất)`);
      const online = texts.find((cells) => cells[0]?.startsWith('TTHC đủ điều kiện'));
      expect(online?.[4]).toBe('Không có chỉ tiêu');
      expect(flat).toContain('Xã Ô Diên');
      expect(flat).toContain('Phường Hương Trà\n(Huế)');
    });

    it('gives every unit its status in Vietnamese, cell by cell', () => {
      const byIndicator = new Map<string, string[]>();
      sheet.eachRow((row) => {
        const first = cellText(row.getCell(1));
        const code = /\(([A-Z]+\.[A-Z0-9_]+)\)$/.exec(first)?.[1];
        if (code === undefined) return;
        byIndicator.set(
          code,
          view.units.map((_unit, index) => cellText(row.getCell(2 + index * 3 + 2))),
        );
      });
      expect([...byIndicator.keys()]).toEqual(view.rows.map((row) => row.indicatorCode));
      for (const row of view.rows) {
        expect(byIndicator.get(row.indicatorCode)).toEqual(
          view.units.map((unit) => {
            const cell = row.cells.find((candidate) => candidate.unitId === unit.id);
            if (cell?.target === null || cell === undefined) return '';
            return STATUS_VI[cell.attainment?.status ?? 'no_data'];
          }),
        );
      }
    });

    it('freezes the unit header and the indicator column', () => {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1 });
    });
  });

  describe('PDF', () => {
    let buffer: Buffer;
    let text: string;
    beforeAll(async () => {
      buffer = await collect((out) => renderComparison(view, context, 'pdf', out));
      text = pdfText(buffer);
    });

    it('is landscape A4 for more than three units, portrait for three', async () => {
      expect(pdfInfo(buffer)['Page size']).toMatch(/^841\.89 x 595\.28 pts/);
      const three = await collect((out) =>
        renderComparison(comparisonView(COMPARISON_UNITS.slice(0, 3)), context, 'pdf', out),
      );
      expect(pdfInfo(three)['Page size']).toMatch(/^595\.28 x 841\.89 pts/);
    });

    it('has the header, title, areas, units, targets, results and statuses in Vietnamese', () => {
      for (const line of [
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Hà Nội, ngày 12 tháng 6 năm 2026',
        'BẢNG SO SÁNH CHỈ TIÊU KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH',
        'Cải cách thủ tục hành chính',
        'Xây dựng, phát triển chính quyền điện tử, chính quyền số',
        'Xã Ô Diên',
        'Xã Đan Phượng',
        'Phường Hương Trà',
        'Phường Hoài Hảo',
        'Không có chỉ tiêu',
        'Đúng tiến độ',
        'Chậm tiến độ',
        'Không đạt',
        '(cao nhất)',
        '(thấp nhất)',
        'Trang 1/',
      ])
        expect(text.replace(/\s+/g, ' ')).toContain(line);
      expect(text).toContain(
        formatTargetVi({ comparator: 'gte', value: 0.6 }, { unit: 'score', precision: 4 }).replace(
          /^t/,
          'T',
        ),
      );
    });
  });

  describe('DOCX', () => {
    let text: string;
    let documentXml: string;
    beforeAll(async () => {
      const buffer = await collect((out) => renderComparison(view, context, 'docx', out));
      text = (await mammoth.extractRawText({ buffer })).value;
      documentXml = strFromU8(unzipSync(new Uint8Array(buffer))['word/document.xml']!);
    });

    it('is landscape with the national header, the comparison table and a signature block', () => {
      expect(documentXml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
      expect(documentXml).toContain('<w:tblHeader/>');
      for (const line of [
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'BẢNG SO SÁNH CHỈ TIÊU KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH',
        'III. Cải cách thủ tục hành chính',
        'Chỉ tiêu: Tối thiểu 96,0% đến năm 2026 (cao nhất)',
        'Kết quả: 91,0% (năm 2026)',
        'Không có chỉ tiêu',
        'Chậm tiến độ',
        'NGƯỜI LẬP BIỂU',
        '(Ký, ghi rõ họ tên)',
      ])
        expect(text).toContain(line);
    });
  });

  describe('CSV', () => {
    it('has a row per indicator and unit with raw numbers and Vietnamese statuses', async () => {
      const buffer = await collect((out) => renderComparison(view, context, 'csv', out));
      expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = Papa.parse<string[]>(buffer.toString('utf8').slice(1), {
        skipEmptyLines: true,
      }).data;
      expect(rows[0]?.slice(0, 6)).toEqual([
        'Lĩnh vực',
        'Mã chỉ số',
        'Chỉ số',
        'Đơn vị',
        'Mã đơn vị',
        'Chỉ tiêu',
      ]);
      expect(rows).toHaveLength(1 + view.rows.length * view.units.length);
      const odien = rows.find((row) => row[1] === 'TTHC.ONTIME' && row[4] === 'odien');
      expect(odien).toEqual([
        'Cải cách thủ tục hành chính',
        'TTHC.ONTIME',
        'Tỷ lệ hồ sơ giải quyết đúng hạn',
        'Xã Ô Diên',
        'odien',
        'Tối thiểu 90,0% đến năm 2026',
        '90',
        '2026',
        '91',
        '2026',
        'Đạt',
        'thấp nhất',
        cellOf(view, 'TTHC.ONTIME', 'odien').attainment!.explanation,
      ]);
      const missing = rows.find(
        (row) => row[1] === 'TTHC.FULL_ONLINE_SVC' && row[4] === 'danphuong',
      );
      expect(missing?.[5]).toBe('Không có chỉ tiêu');
      expect(missing?.[10]).toBe('');
      void display;
    });
  });
});
