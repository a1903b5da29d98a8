import { INDICATOR_CATALOG, roundTo } from '@commune-bench/domain';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  parseLocaleNumber,
  parseResultsFile,
  RESULT_COLUMNS,
  ResultsFileError,
  type ParsedResultRow,
  type ParsedResultsFile,
  type ResultField,
  type RowError,
} from '../src/results/import/results-file.parser.js';

function parseCsv(text: string, filename = 'ket-qua.csv'): Promise<ParsedResultsFile> {
  return parseResultsFile({ buffer: Buffer.from(text, 'utf8'), filename });
}

async function xlsxBuffer(build: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet('Kết quả'));
  workbook.addWorksheet('Ghi chú').addRow(['Sheet thứ hai không được đọc']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The ResultsFileError the promise rejects with (fails the test on success or any other error). */
async function fileError(promise: Promise<unknown>): Promise<ResultsFileError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ResultsFileError);
  return error as ResultsFileError;
}

function row(
  rowNumber: number,
  unitCode: string,
  indicatorCode: string,
  period: string,
  value: number | null,
  extra: Partial<Pick<ParsedResultRow, 'numerator' | 'denominator' | 'source'>> = {},
): ParsedResultRow {
  return {
    row: rowNumber,
    unitCode,
    indicatorCode,
    period,
    value,
    numerator: extra.numerator ?? null,
    denominator: extra.denominator ?? null,
    source: extra.source ?? null,
  };
}

describe('parseLocaleNumber', () => {
  it.each<[string, number | null]>([
    ['89', 89],
    ['89,5', 89.5],
    ['89.5', 89.5],
    ['89,5%', 89.5],
    ['89,5 %', 89.5],
    ['  100  ', 100],
    ['-3,25', -3.25],
    ['−3,25', -3.25],
    ['+7', 7],
    [',5', 0.5],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['1.234.567', 1234567],
    ['1,234,567', 1234567],
    ['1.234.567,89', 1234567.89],
    ['1 234,5', 1234.5],
    ['1\u00a0234\u00a0567', 1234567],
    ['1,5e3', 1500],
    ['2.5E-2', 0.025],
    // A single separator is the decimal separator, never a thousands one.
    ['1,234', 1.234],
    ['1.234', 1.234],
    ['-0', 0],
    ['', null],
    ['%', null],
    ['abc', null],
    ['12abc', null],
    ['1,234,5', null],
    ['12,34.5', null],
    ['1.2.3,4', null],
    ['1,5.3', null],
    ['5.', null],
    ['1 23', null],
    ['1 234.567,8', null],
    ['--5', null],
    ['- 5', null],
    ['0x10', null],
    ['Infinity', null],
    ['NaN', null],
    ['1e999', null],
  ])('%j → %j', (text, expected) => {
    expect(parseLocaleNumber(text)).toBe(expected);
  });
});

describe('parseResultsFile: CSV', () => {
  it('reads Vietnamese headers, decimal commas, a value from numerator/denominator, and ignores extra columns', async () => {
    const result = await parseCsv(
      [
        'STT,Mã đơn vị,Mã chỉ số,Kỳ báo cáo,Giá trị,Tử số,Mẫu số,Nguồn số liệu,Ghi chú',
        '1,X01,TTHC.ONTIME,2025,"89,5",,,Báo cáo UBND xã,không đọc',
        '2,X01,TTHC.ONLINE_DOSSIER,2025-Q3,"1.234,5",,,,',
        '3, X02 ,tthc.ontime,2025-H1,"89,5%",,,,',
        '4,X03,TTHC.ONTIME,2025-09,,45,50," Sở Nội vụ "',
        '5,X03,TTHC.ONLINE_DOSSIER,2025-09,,1,3,,',
        '6,X04,TTHC.ONTIME,2025,"90,25","361","400",,',
        '',
      ].join('\n'),
    );
    expect(result.format).toBe('csv');
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      row(2, 'X01', 'TTHC.ONTIME', '2025', 89.5, { source: 'Báo cáo UBND xã' }),
      row(3, 'X01', 'TTHC.ONLINE_DOSSIER', '2025-Q3', 1234.5),
      row(4, 'X02', 'TTHC.ONTIME', '2025-H1', 89.5),
      row(5, 'X03', 'TTHC.ONTIME', '2025-09', 90, {
        numerator: 45,
        denominator: 50,
        source: 'Sở Nội vụ',
      }),
      row(6, 'X03', 'TTHC.ONLINE_DOSSIER', '2025-09', 33.3333, { numerator: 1, denominator: 3 }),
      row(7, 'X04', 'TTHC.ONTIME', '2025', 90.25, { numerator: 361, denominator: 400 }),
    ]);
  });

  it('reads a semicolon CSV with a BOM, CRLF, English headers and unquoted decimal commas; row numbers count the skipped empty rows', async () => {
    const text =
      '\uFEFFunit_code;indicator_code;period;value;source\r\n' +
      'X01;CDDH.PAR_INDEX;2024;89,5;\r\n' +
      '\r\n' +
      'X02;CDDH.PAR_INDEX;2024;1.234,5;nguồn A\r\n' +
      ';;;;\r\n' +
      '   ;  ;;;\r\n' +
      'X03;CDDH.PAR_INDEX;2024;-3;\r\n';
    const result = await parseCsv(text);
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      row(2, 'X01', 'CDDH.PAR_INDEX', '2024', 89.5),
      row(4, 'X02', 'CDDH.PAR_INDEX', '2024', 1234.5, { source: 'nguồn A' }),
      row(7, 'X03', 'CDDH.PAR_INDEX', '2024', -3),
    ]);
  });

  it('detects a tab delimiter and a header that is not on the first line', async () => {
    const text = '\n\t\t\nunitCode\tindicator\tKỳ\tKết quả\nX01\tCQS.DTI\t2025-Q1\t0,75\n';
    const result = await parseCsv(text, 'export.CSV');
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([row(4, 'X01', 'CQS.DTI', '2025-Q1', 0.75)]);
  });

  it('honours an Excel `sep=` first line, which Excel does not show as a row', async () => {
    const result = await parseCsv(
      'sep=;\r\nMã đơn vị;Mã chỉ số;Kỳ;Giá trị\r\nX01;TTHC.ONTIME;2025;1,5\r\n',
    );
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([row(2, 'X01', 'TTHC.ONTIME', '2025', 1.5)]);
  });

  it('skips rows that have text only in columns it does not read (a prefilled STT)', async () => {
    const result = await parseCsv(
      'STT;Mã đơn vị;Mã chỉ số;Kỳ;Giá trị\n1;X01;TTHC.ONTIME;2025;90\n2;;;;\n3;;;;\n',
    );
    expect(result.rows.map((r) => r.row)).toEqual([2]);
    expect(result.errors).toEqual([]);
  });

  it('accepts a file with numerator and denominator but no value column', async () => {
    const result = await parseCsv(
      'Mã đơn vị;Mã chỉ số;Kỳ;Tử số;Mẫu số\nX01;TTHC.ONTIME;2025;9;10\n',
    );
    expect(result.rows).toEqual([
      row(2, 'X01', 'TTHC.ONTIME', '2025', 90, { numerator: 9, denominator: 10 }),
    ]);
  });

  const accepted: [ResultField, string][] = (Object.keys(RESULT_COLUMNS) as ResultField[]).flatMap(
    (field) =>
      RESULT_COLUMNS[field].headers.map((header): [ResultField, string] => [field, header]),
  );
  const variants: [string, (header: string) => string][] = [
    ['as listed', (h) => h],
    ['upper case', (h) => h.toUpperCase()],
    ['without diacritics', (h) => h.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd')],
    ['with a unit in brackets and spaces', (h) => `  ${h} (%) `],
  ];
  it.each(
    accepted.flatMap(([field, header]) =>
      variants.map(([variant, change]) => ({ field, header: change(header), variant })),
    ),
  )('recognises $field from the header "$header" ($variant)', async ({ field, header }) => {
    const headers: Record<ResultField, string> = {
      unitCode: 'Mã đơn vị',
      indicatorCode: 'Mã chỉ số',
      period: 'Kỳ',
      value: 'Giá trị',
      numerator: 'Tử số',
      denominator: 'Mẫu số',
      source: 'Nguồn',
    };
    headers[field] = header;
    const cells: Record<ResultField, string> = {
      unitCode: 'X01',
      indicatorCode: 'TTHC.ONTIME',
      period: '2025-Q2',
      value: '80',
      numerator: '8',
      denominator: '10',
      source: 'S',
    };
    const fields = Object.keys(headers) as ResultField[];
    const result = await parseCsv(
      `${fields.map((f) => headers[f]).join(';')}\n${fields.map((f) => cells[f]).join(';')}\n`,
    );
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      row(2, 'X01', 'TTHC.ONTIME', '2025-Q2', 80, { numerator: 8, denominator: 10, source: 'S' }),
    ]);
  });
});

describe('parseResultsFile: XLSX', () => {
  it('reads numbers, percent-formatted cells, cached formula results, text and numeric periods from the first sheet', async () => {
    const buffer = await xlsxBuffer((sheet) => {
      sheet.addRow([]);
      sheet.addRow(['Mã đơn vị', 'Mã chỉ số', 'Kỳ báo cáo', 'Giá trị', 'Tử số', 'Mẫu số', 'Nguồn']);
      sheet.addRow(['X01', 'TTHC.ONTIME', '2025-Q3', 89.5, null, null, 'Báo cáo quý']);
      sheet.addRow(['X01', 'TTHC.ONLINE_DOSSIER', 2025, 0.895]);
      sheet.getCell('D4').numFmt = '0.0%';
      sheet.addRow([
        'X02',
        'TTHC.ONTIME',
        '2025-H1',
        { formula: 'E5/F5*100', result: 91 },
        91,
        100,
      ]);
      sheet.addRow(['X02', 'TTHC.ONLINE_DOSSIER', '2025', { formula: '1/2', result: 0.5 }]);
      sheet.getCell('D6').numFmt = '0%';
      sheet.addRow([12345, 'CQS.DTI', { formula: '"2025-09"', result: '2025-09' }, '75,5']);
      sheet.addRow([]);
      sheet.addRow(['X03', 'CQS.DTI', '2025', 89.5]);
      sheet.getCell('D9').numFmt = '0.0"%"';
      sheet.addRow([{ richText: [{ text: 'X0' }, { text: '4' }] }, 'CQS.DTI', '2025', 70]);
      sheet.addRow(['X05', 'CQS.DTI', '2025', null, 3, 4]);
    });
    const result = await parseResultsFile({ buffer, filename: 'ket-qua.xlsx' });
    expect(result.format).toBe('xlsx');
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      row(3, 'X01', 'TTHC.ONTIME', '2025-Q3', 89.5, { source: 'Báo cáo quý' }),
      row(4, 'X01', 'TTHC.ONLINE_DOSSIER', '2025', 89.5),
      row(5, 'X02', 'TTHC.ONTIME', '2025-H1', 91, { numerator: 91, denominator: 100 }),
      row(6, 'X02', 'TTHC.ONLINE_DOSSIER', '2025', 50),
      row(7, '12345', 'CQS.DTI', '2025-09', 75.5),
      row(9, 'X03', 'CQS.DTI', '2025', 89.5),
      row(10, 'X04', 'CQS.DTI', '2025', 70),
      row(11, 'X05', 'CQS.DTI', '2025', 75, { numerator: 3, denominator: 4 }),
    ]);
  });

  it('finds the header below title rows', async () => {
    const buffer = await xlsxBuffer((sheet) => {
      sheet.addRow(['BÁO CÁO KẾT QUẢ CẢI CÁCH HÀNH CHÍNH NĂM 2025']);
      sheet.mergeCells('A1:D1');
      sheet.addRow(['Đơn vị báo cáo: UBND xã']);
      sheet.addRow([]);
      sheet.addRow(['Mã đơn vị', 'Mã chỉ số', 'Kỳ', 'Giá trị']);
      sheet.addRow(['X01', 'TTHC.ONTIME', '2025', 1]);
    });
    const result = await parseResultsFile({ buffer, filename: 'a.xlsx' });
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([row(5, 'X01', 'TTHC.ONTIME', '2025', 1)]);
  });

  it('gives every row of a merged unit-code cell its value', async () => {
    const buffer = await xlsxBuffer((sheet) => {
      sheet.addRow(['Mã đơn vị', 'Mã chỉ số', 'Kỳ', 'Giá trị']);
      sheet.addRow(['X01', 'TTHC.ONTIME', '2025', 1]);
      sheet.addRow([null, 'TTHC.ONLINE_DOSSIER', '2025', 2]);
      sheet.mergeCells('A2:A3');
    });
    const result = await parseResultsFile({ buffer, filename: 'a.xlsx' });
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.row, r.unitCode])).toEqual([
      [2, 'X01'],
      [3, 'X01'],
    ]);
  });

  it.each<[string, (sheet: ExcelJS.Worksheet) => void, Partial<RowError>]>([
    [
      'a date cell as the period',
      (sheet) => sheet.addRow(['X01', 'TTHC.ONTIME', new Date(Date.UTC(2025, 8, 1)), 90]),
      {
        column: 'Kỳ',
        field: 'period',
        reason: expect.stringMatching(/^Kỳ báo cáo là ô ngày tháng \(2025-09-01\)/) as string,
      },
    ],
    [
      'a non-integer number as the period',
      (sheet) => sheet.addRow(['X01', 'TTHC.ONTIME', 2025.5, 90]),
      {
        field: 'period',
        reason: expect.stringMatching(/^Kỳ báo cáo không hợp lệ: "2025.5"/) as string,
      },
    ],
    [
      'a formula without a cached result',
      (sheet) => sheet.addRow(['X01', 'TTHC.ONTIME', '2025', { formula: 'B7*2' }]),
      {
        column: 'Giá trị',
        field: 'value',
        reason: expect.stringMatching(/^Giá trị: ô công thức chưa có kết quả/) as string,
      },
    ],
    [
      'a formula whose result is an error',
      (sheet) =>
        sheet.addRow([
          'X01',
          'TTHC.ONTIME',
          '2025',
          { formula: '1/0', result: { error: '#DIV/0!' } },
        ]),
      { field: 'value', reason: 'Giá trị: ô có lỗi công thức #DIV/0!' },
    ],
    [
      'an error cell',
      (sheet) => sheet.addRow(['X01', 'TTHC.ONTIME', '2025', { error: '#N/A' }]),
      { field: 'value', reason: 'Giá trị: ô có lỗi công thức #N/A' },
    ],
    [
      'a date cell as the value',
      (sheet) => sheet.addRow(['X01', 'TTHC.ONTIME', '2025', new Date(Date.UTC(2025, 0, 2))]),
      { field: 'value', reason: 'Giá trị không phải là số: ô ngày tháng 2025-01-02' },
    ],
    [
      'a boolean as the value',
      (sheet) => sheet.addRow(['X01', 'TTHC.ONTIME', '2025', true]),
      { field: 'value', reason: 'Giá trị không phải là số: TRUE' },
    ],
    [
      'text that is not a number',
      (sheet) => sheet.addRow(['X01', 'TTHC.ONTIME', '2025', 'đạt']),
      { field: 'value', reason: 'Giá trị không phải là số: "đạt"' },
    ],
  ])('reports %s with its row number', async (_name, addRow, expected) => {
    const buffer = await xlsxBuffer((sheet) => {
      sheet.addRow(['Mã đơn vị', 'Mã chỉ số', 'Kỳ', 'Giá trị']);
      sheet.addRow(['X09', 'TTHC.ONTIME', '2025', 1]);
      sheet.addRow([]);
      addRow(sheet);
    });
    const result = await parseResultsFile({ buffer, filename: 'a.xlsx' });
    expect(result.rows.map((r) => r.row)).toEqual([2]);
    expect(result.errors).toEqual([{ row: 4, column: expect.any(String) as string, ...expected }]);
  });

  it('refuses too many rows in a sheet', async () => {
    const buffer = await xlsxBuffer((sheet) => {
      sheet.addRow(['Mã đơn vị', 'Mã chỉ số', 'Kỳ', 'Giá trị']);
      for (let i = 0; i < 4; i += 1) sheet.addRow([`X${i}`, 'TTHC.ONTIME', '2025', i]);
    });
    expect(
      (await fileError(parseResultsFile({ buffer, filename: 'a.xlsx' }, { maxRows: 3 }))).code,
    ).toBe('too_many_rows');
  });
});

describe('parseResultsFile: row errors', () => {
  const header = 'Mã đơn vị;Mã chỉ số;Kỳ;Giá trị;Tử số;Mẫu số';

  it.each<[string, string, Omit<RowError, 'row'>[]]>([
    [
      'no unit code',
      ';TTHC.ONTIME;2025;90;;',
      [{ column: 'Mã đơn vị', field: 'unitCode', reason: 'Thiếu mã đơn vị' }],
    ],
    [
      'no indicator code',
      'X01;;2025;90;;',
      [{ column: 'Mã chỉ số', field: 'indicatorCode', reason: 'Thiếu mã chỉ số' }],
    ],
    [
      'an indicator not in the catalog',
      'X01;TTHC.NOPE;2025;90;;',
      [
        {
          column: 'Mã chỉ số',
          field: 'indicatorCode',
          reason: 'Mã chỉ số không có trong danh mục: "TTHC.NOPE"',
        },
      ],
    ],
    [
      'no period',
      'X01;TTHC.ONTIME;;90;;',
      [{ column: 'Kỳ', field: 'period', reason: 'Thiếu kỳ báo cáo' }],
    ],
    [
      'a quarter 5',
      'X01;TTHC.ONTIME;2025-Q5;90;;',
      [
        {
          column: 'Kỳ',
          field: 'period',
          reason: 'Kỳ báo cáo không hợp lệ: "2025-Q5" (dạng đúng: 2025, 2025-H1, 2025-Q3, 2025-09)',
        },
      ],
    ],
    [
      'a month 13',
      'X01;TTHC.ONTIME;2025-13;90;;',
      [
        {
          column: 'Kỳ',
          field: 'period',
          reason: expect.stringMatching(/^Kỳ báo cáo không hợp lệ: "2025-13"/) as string,
        },
      ],
    ],
    [
      'no value',
      'X01;TTHC.ONTIME;2025;;;',
      [{ column: 'Giá trị', field: 'value', reason: 'Thiếu giá trị' }],
    ],
    [
      'no value and only a numerator',
      'X01;TTHC.ONTIME;2025;;45;',
      [
        {
          column: 'Giá trị',
          field: 'value',
          reason: 'Thiếu giá trị: cần có cả tử số và mẫu số để tính giá trị',
        },
      ],
    ],
    [
      'a value that is text',
      'X01;TTHC.ONTIME;2025;abc;;',
      [{ column: 'Giá trị', field: 'value', reason: 'Giá trị không phải là số: "abc"' }],
    ],
    [
      'a value with misplaced separators',
      'X01;TTHC.ONTIME;2025;1,234,5;;',
      [{ column: 'Giá trị', field: 'value', reason: 'Giá trị không phải là số: "1,234,5"' }],
    ],
    [
      'a numerator that is text',
      'X01;TTHC.ONTIME;2025;90;x;10',
      [{ column: 'Tử số', field: 'numerator', reason: 'Tử số không phải là số: "x"' }],
    ],
    [
      'a zero denominator',
      'X01;TTHC.ONTIME;2025;;45;0',
      [{ column: 'Mẫu số', field: 'denominator', reason: 'Mẫu số phải lớn hơn 0 (đang là 0)' }],
    ],
    [
      'several problems in one row, in column order',
      ';TTHC.NOPE;;abc;;',
      [
        { column: 'Mã đơn vị', field: 'unitCode', reason: 'Thiếu mã đơn vị' },
        {
          column: 'Mã chỉ số',
          field: 'indicatorCode',
          reason: 'Mã chỉ số không có trong danh mục: "TTHC.NOPE"',
        },
        { column: 'Kỳ', field: 'period', reason: 'Thiếu kỳ báo cáo' },
        { column: 'Giá trị', field: 'value', reason: 'Giá trị không phải là số: "abc"' },
      ],
    ],
  ])('reports %s on row 4 and keeps the good rows', async (_name, line, expected) => {
    const result = await parseCsv(
      `${header}\nX00;TTHC.ONTIME;2025;1;;\n\n${line}\nX99;TTHC.ONTIME;2025;2;;\n`,
    );
    expect(result.errors).toEqual(expected.map((error) => ({ row: 4, ...error })));
    expect(result.rows.map((r) => r.row)).toEqual([2, 5]);
  });

  it('reports a row shifted by an unquoted decimal comma in a comma CSV instead of reading 89 for 89,5', async () => {
    const result = await parseCsv(
      'Mã đơn vị,Mã chỉ số,Kỳ,Giá trị\nX01,TTHC.ONTIME,2025,89,5\nX02,TTHC.ONTIME,2025,"89,5",,\n',
    );
    expect(result.errors).toEqual([
      { row: 2, reason: expect.stringMatching(/^Dòng có 5 ô dữ liệu, nhiều hơn 4 cột/) as string },
    ]);
    expect(result.rows).toEqual([row(3, 'X02', 'TTHC.ONTIME', '2025', 89.5)]);
  });

  it('reports an unclosed quote on the row where it starts', async () => {
    const result = await parseCsv(
      'Mã đơn vị;Mã chỉ số;Kỳ;Giá trị\nX01;TTHC.ONTIME;2025;1\nX02;TTHC.ONTIME;2025;"89,5\nX03;TTHC.ONTIME;2025;2\n',
    );
    expect(result.errors).toEqual([
      { row: 3, reason: expect.stringMatching(/^Lỗi định dạng CSV: dấu ngoặc kép/) as string },
    ]);
    expect(result.rows.map((r) => r.row)).toEqual([2]);
  });

  it('reports a duplicate (unit, indicator, period) on each later row, naming the first one', async () => {
    const result = await parseCsv(
      [
        'Mã đơn vị;Mã chỉ số;Kỳ;Giá trị',
        'X01;TTHC.ONTIME;2025;1',
        'X01;TTHC.ONTIME;2025-Q1;2',
        'X02;TTHC.ONTIME;2025;3',
        ' X01 ;tthc.ontime;2025;4',
        'X01;TTHC.ONTIME;2025;abc',
        'x01;TTHC.ONTIME;2025;5',
      ].join('\n'),
    );
    expect(result.errors).toEqual([
      {
        row: 5,
        reason:
          'Trùng với dòng 2: cùng mã đơn vị, mã chỉ số và kỳ báo cáo (X01, TTHC.ONTIME, 2025)',
      },
      { row: 6, column: 'Giá trị', field: 'value', reason: 'Giá trị không phải là số: "abc"' },
      {
        row: 6,
        reason:
          'Trùng với dòng 2: cùng mã đơn vị, mã chỉ số và kỳ báo cáo (X01, TTHC.ONTIME, 2025)',
      },
    ]);
    // Unit codes are only trimmed: `x01` is another unit as far as the parser knows.
    expect(result.rows.map((r) => r.row)).toEqual([2, 3, 4, 7]);
  });
});

describe('parseResultsFile: file errors', () => {
  it.each<[string, string, string[], RegExp]>([
    [
      'no unit code and no period',
      'Mã chỉ số;Giá trị\nTTHC.ONTIME;1\n',
      ['Mã đơn vị', 'Kỳ báo cáo'],
      /^Thiếu cột bắt buộc: Mã đơn vị, Kỳ báo cáo\./,
    ],
    [
      'no value (and not both numerator and denominator)',
      'Mã đơn vị;Mã chỉ số;Kỳ;Tử số\nX;TTHC.ONTIME;2025;1\n',
      ['Giá trị'],
      /^Thiếu cột bắt buộc: Giá trị\./,
    ],
    [
      'only unknown columns',
      'a,b,c\n1,2,3\n',
      ['Mã đơn vị', 'Mã chỉ số', 'Kỳ báo cáo', 'Giá trị'],
      /"Mã đơn vị", "ma_don_vi", "unit_code", "unitCode"/,
    ],
  ])(
    'refuses a header with %s, naming the missing columns',
    async (_name, text, columns, message) => {
      const error = await fileError(parseCsv(text));
      expect(error.code).toBe('missing_columns');
      expect(error.columns).toEqual(columns);
      expect(error.message).toMatch(message);
    },
  );

  it('refuses a header with the same column twice', async () => {
    const error = await fileError(
      parseCsv('Mã đơn vị;Mã chỉ số;Kỳ;Giá trị;Kết quả\nX;TTHC.ONTIME;2025;1;2\n'),
    );
    expect(error.code).toBe('missing_columns');
    expect(error.message).toMatch(/cột bị lặp: Giá trị \(cột D "Giá trị", cột E "Kết quả"\)/);
  });

  it.each<[string, string | undefined]>([
    ['ket-qua.xls', 'application/vnd.ms-excel'],
    ['ket-qua.pdf', 'application/pdf'],
    ['ket-qua.txt', 'text/csv'],
    ['ket-qua.ods', undefined],
    ['ket-qua', 'application/octet-stream'],
    ['ket-qua', undefined],
  ])(
    'refuses %s (%s) as unsupported_type, listing the accepted types',
    async (filename, mimetype) => {
      const error = await fileError(
        parseResultsFile({
          buffer: Buffer.from('Mã đơn vị;Mã chỉ số;Kỳ;Giá trị\nX;TTHC.ONTIME;2025;1\n'),
          filename,
          mimetype,
        }),
      );
      expect(error.code).toBe('unsupported_type');
      expect(error.message).toMatch(/\.csv.*\.xlsx/);
    },
  );

  it.each<[string, string | undefined, 'csv' | 'xlsx']>([
    ['KET-QUA.CSV', undefined, 'csv'],
    ['ket-qua.csv', 'application/vnd.ms-excel', 'csv'],
    ['ket-qua', 'text/csv; charset=utf-8', 'csv'],
    ['ket-qua.xlsx', 'application/octet-stream', 'xlsx'],
    ['ket-qua', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
  ])('accepts %s (%s) as %s', async (filename, mimetype, format) => {
    const buffer =
      format === 'csv'
        ? Buffer.from('Mã đơn vị;Mã chỉ số;Kỳ;Giá trị\nX;TTHC.ONTIME;2025;1\n')
        : await xlsxBuffer((sheet) => {
            sheet.addRow(['Mã đơn vị', 'Mã chỉ số', 'Kỳ', 'Giá trị']);
            sheet.addRow(['X', 'TTHC.ONTIME', '2025', 1]);
          });
    const result = await parseResultsFile({ buffer, filename, mimetype });
    expect(result.format).toBe(format);
    expect(result.rows).toHaveLength(1);
  });

  it.each<[string, Buffer, string]>([
    ['a zero-byte CSV', Buffer.alloc(0), 'a.csv'],
    ['a CSV holding only a BOM and blank lines', Buffer.from('\uFEFF\r\n \r\n'), 'a.csv'],
    ['a CSV with only a header', Buffer.from('Mã đơn vị;Mã chỉ số;Kỳ;Giá trị\n;;;\n'), 'a.csv'],
    ['a zero-byte XLSX', Buffer.alloc(0), 'a.xlsx'],
  ])('refuses %s as empty_file', async (_name, buffer, filename) => {
    expect((await fileError(parseResultsFile({ buffer, filename }))).code).toBe('empty_file');
  });

  it('refuses an XLSX whose first sheet is empty', async () => {
    const buffer = await xlsxBuffer(() => undefined);
    expect((await fileError(parseResultsFile({ buffer, filename: 'a.xlsx' }))).code).toBe(
      'empty_file',
    );
  });

  it.each<[string, Buffer, string]>([
    [
      'garbage bytes as XLSX',
      Buffer.from('this is not a spreadsheet at all \u0001\u0002'),
      'a.xlsx',
    ],
    [
      'a broken zip as XLSX',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 7)]),
      'a.xlsx',
    ],
    [
      'an old .xls (or password-protected) file named .xlsx',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'a.xlsx',
    ],
    ['Windows-1258 bytes as CSV', Buffer.from([0x4d, 0xe3, 0x20, 0xf0, 0x3b, 0x4b, 0xfd]), 'a.csv'],
    ['binary bytes as CSV', Buffer.from('a,b\u0000,c\n'), 'a.csv'],
    ['an XLSX renamed to .csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0]), 'a.csv'],
  ])('refuses %s as unreadable_file', async (_name, buffer, filename) => {
    const error = await fileError(parseResultsFile({ buffer, filename }));
    expect(error.code).toBe('unreadable_file');
    expect(error.message).toMatch(/^(Không đọc được|Tệp mang đuôi \.csv)/);
  });

  it('counts data rows (not empty ones) against maxRows', async () => {
    const text =
      'Mã đơn vị;Mã chỉ số;Kỳ;Giá trị\nA;TTHC.ONTIME;2025;1\n\nB;TTHC.ONTIME;2025;1\n;;;\nC;TTHC.ONTIME;2025;1\n';
    expect(
      (await parseResultsFile({ buffer: Buffer.from(text), filename: 'a.csv' }, { maxRows: 3 }))
        .rows,
    ).toHaveLength(3);
    const error = await fileError(
      parseResultsFile(
        { buffer: Buffer.from(`${text}D;TTHC.ONTIME;2025;1\n`), filename: 'a.csv' },
        { maxRows: 3 },
      ),
    );
    expect(error.code).toBe('too_many_rows');
    expect(error.message).toBe('Tệp có hơn 3 dòng dữ liệu; hãy chia thành nhiều tệp nhỏ hơn.');
  });
});

describe('parseResultsFile: properties', () => {
  const codes = INDICATOR_CATALOG.map((indicator) => indicator.code);
  const year = fc.integer({ min: 1990, max: 2100 });
  const period = fc.oneof(
    year.map(String),
    fc.tuple(year, fc.integer({ min: 1, max: 2 })).map(([y, h]) => `${y}-H${h}`),
    fc.tuple(year, fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`),
    fc
      .tuple(year, fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  );
  const sourceChars = [
    'a',
    'ă',
    'Đ',
    'ệ',
    'ữ',
    ' ',
    ',',
    ';',
    '"',
    '\n',
    '\r\n',
    '\t',
    '1',
    '.',
    '%',
    "'",
  ];
  const style = fc.constantFrom('dot', 'comma', 'vi-grouped', 'en-grouped');
  const input = fc.record({
    unitCode: fc.stringMatching(/^[0-9A-Za-zĐđ][0-9A-Za-zĐđ_.-]{0,9}$/),
    indicatorCode: fc.constantFrom(...codes),
    period,
    value: fc.double({ min: -1e7, max: 1e7, noNaN: true, noDefaultInfinity: true }),
    decimals: fc.integer({ min: 0, max: 4 }),
    style,
    percent: fc.boolean(),
    ratio: fc.boolean(),
    numerator: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
    denominator: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: null }),
    source: fc.option(
      fc.array(fc.constantFrom(...sourceChars), { maxLength: 12 }).map((chars) => chars.join('')),
      { nil: null },
    ),
  });

  function written(value: number, decimals: number, how: string, percent: boolean): string {
    // Grouped numbers need a decimal part to be unambiguous (`1.234` reads as 1.234).
    const places = how.endsWith('grouped') ? Math.max(decimals, 1) : decimals;
    const [integer = '', fraction] = Math.abs(value).toFixed(places).split('.');
    const sign = value < 0 && Number(value.toFixed(places)) !== 0 ? '-' : '';
    const group = (sep: string): string => integer.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
    const text =
      how === 'dot'
        ? [integer, fraction].filter((part) => part !== undefined).join('.')
        : how === 'comma'
          ? [integer, fraction].filter((part) => part !== undefined).join(',')
          : how === 'vi-grouped'
            ? `${group('.')},${fraction ?? ''}`
            : `${group(',')}.${fraction ?? ''}`;
    return `${sign}${text}${percent ? '%' : ''}`;
  }

  it('parses random valid rows written to CSV back to the same rows', async () => {
    const fields = Object.keys(RESULT_COLUMNS) as ResultField[];
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(input, {
          minLength: 1,
          maxLength: 25,
          selector: (r) => `${r.unitCode}|${r.indicatorCode}|${r.period}`,
        }),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.tuple(...fields.map((field) => fc.constantFrom(...RESULT_COLUMNS[field].headers))),
        fc.shuffledSubarray(fields, { minLength: fields.length, maxLength: fields.length }),
        async (inputs, delimiter, newline, bom, headerNames, order) => {
          const headerOf = new Map(fields.map((field, index) => [field, headerNames[index] ?? '']));
          const expected: ParsedResultRow[] = [];
          const lines = inputs.map((r, index) => {
            const useRatio = r.ratio;
            const numerator = useRatio ? (r.numerator ?? 1) : r.numerator;
            const denominator = useRatio ? (r.denominator ?? 7) : r.denominator;
            const places = r.style.endsWith('grouped') ? Math.max(r.decimals, 1) : r.decimals;
            const rounded = Number(r.value.toFixed(places));
            const trimmed = r.source?.trim() ?? '';
            expected.push({
              row: index + 2,
              unitCode: r.unitCode,
              indicatorCode: r.indicatorCode,
              period: r.period,
              value: useRatio
                ? roundTo(((numerator ?? 0) / (denominator ?? 1)) * 100, 4)
                : rounded === 0
                  ? 0
                  : rounded,
              numerator,
              denominator,
              source: trimmed === '' ? null : trimmed,
            });
            const cells: Record<ResultField, string> = {
              unitCode: r.unitCode,
              indicatorCode: r.indicatorCode,
              period: r.period,
              value: useRatio ? '' : written(r.value, r.decimals, r.style, r.percent),
              numerator: numerator === null ? '' : String(numerator),
              denominator: denominator === null ? '' : String(denominator),
              source: r.source ?? '',
            };
            return order.map((field) => cells[field]);
          });
          const text = Papa.unparse([order.map((field) => headerOf.get(field) ?? ''), ...lines], {
            delimiter,
            newline,
          });
          const result = await parseCsv(`${bom ? '\uFEFF' : ''}${text}`);
          expect(result.errors).toEqual([]);
          expect(result.rows).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  let validXlsx: Buffer;
  beforeAll(async () => {
    validXlsx = await xlsxBuffer((sheet) => {
      sheet.addRow(['Mã đơn vị', 'Mã chỉ số', 'Kỳ', 'Giá trị', 'Nguồn']);
      for (let i = 0; i < 30; i += 1)
        sheet.addRow([`X${i}`, 'TTHC.ONTIME', '2025', i / 7, 'nguồn']);
    });
  });

  async function onlyResultsFileErrors(buffer: Buffer, filename: string): Promise<void> {
    try {
      const result = await parseResultsFile({ buffer, filename });
      expect(Array.isArray(result.rows) && Array.isArray(result.errors)).toBe(true);
    } catch (error) {
      expect(error).toBeInstanceOf(ResultsFileError);
    }
  }

  it('never throws anything but ResultsFileError for random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 3000 }),
        fc.constantFrom('a.csv', 'a.xlsx'),
        fc.boolean(),
        async (bytes, filename, zipLike) => {
          const buffer = Buffer.from(bytes);
          await onlyResultsFileErrors(
            zipLike ? Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), buffer]) : buffer,
            filename,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws anything but ResultsFileError for a damaged XLSX', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.option(fc.nat(), { nil: undefined }),
        async (changes, cut) => {
          const buffer = Buffer.from(validXlsx);
          for (const [at, byte] of changes) buffer[at % buffer.length] = byte;
          await onlyResultsFileErrors(
            cut === undefined ? buffer : buffer.subarray(0, cut % buffer.length),
            'a.xlsx',
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('parseResultsFile: size', () => {
  it('parses a 100,000-row CSV', async () => {
    const lines = ['Mã đơn vị;Mã chỉ số;Kỳ báo cáo;Giá trị;Tử số;Mẫu số;Nguồn số liệu'];
    for (let i = 0; i < 100_000; i += 1) {
      lines.push(
        `XA${i};${INDICATOR_CATALOG[i % INDICATOR_CATALOG.length]?.code ?? ''};2025-Q${(i % 4) + 1};${i % 100},${i % 10};${i % 100};100;Báo cáo UBND xã`,
      );
    }
    const buffer = Buffer.from(lines.join('\r\n'), 'utf8');
    const started = performance.now();
    const result = await parseResultsFile({ buffer, filename: 'lon.csv' });
    const elapsed = performance.now() - started;
    console.log(
      `100,000-row CSV (${(buffer.length / 1e6).toFixed(1)} MB) parsed in ${elapsed.toFixed(0)} ms`,
    );
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(100_000);
    expect(result.rows[99_999]).toEqual(
      row(
        100_001,
        'XA99999',
        INDICATOR_CATALOG[99_999 % INDICATOR_CATALOG.length]?.code ?? '',
        '2025-Q4',
        99.9,
        {
          numerator: 99,
          denominator: 100,
          source: 'Báo cáo UBND xã',
        },
      ),
    );
  });
});
