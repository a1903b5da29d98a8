/**
 * Parses and validates an uploaded results file (CSV or XLSX) without touching the database
 * (issue 4: POST /api/results/import). Every bad row is reported with the row number a person sees
 * in the spreadsheet (the header is usually row 1) and a Vietnamese reason; problems with the file
 * as a whole (type, encoding, header, size) throw {@link ResultsFileError}.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { findIndicator, foldVi, formatNumberVi, parsePeriod, roundTo } from '@commune-bench/domain';

export interface ParsedResultRow {
  /** The spreadsheet row number (header = 1 when it is the first row, first data row = 2). */
  row: number;
  unitCode: string;
  indicatorCode: string;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  source: string | null;
}

export type ResultField =
  'unitCode' | 'indicatorCode' | 'period' | 'value' | 'numerator' | 'denominator' | 'source';

export interface RowError {
  row: number;
  /** The column's header as written in the file (e.g. `Giá trị`); absent when the whole row is meant. */
  column?: string;
  /** The same column as a field name, for code that wants to point at the cell. */
  field?: ResultField;
  /** Vietnamese, shown as is: `Dòng 7: Thiếu giá trị`. */
  reason: string;
}

export interface ParsedResultsFile {
  rows: ParsedResultRow[];
  errors: RowError[];
  format: 'csv' | 'xlsx';
}

export interface ParseResultsFileOptions {
  /** Most data rows accepted (empty rows not counted); default 200 000. */
  maxRows?: number;
}

export const RESULTS_FILE_ERROR_CODES = [
  'unsupported_type',
  'empty_file',
  'missing_columns',
  'too_many_rows',
  'unreadable_file',
] as const;
export type ResultsFileErrorCode = (typeof RESULTS_FILE_ERROR_CODES)[number];

/** The file as a whole cannot be imported; `message` is Vietnamese and shown as is. */
export class ResultsFileError extends Error {
  readonly code: ResultsFileErrorCode;
  /** For `missing_columns`: the Vietnamese names of the missing (or repeated) columns. */
  declare readonly columns?: string[];

  constructor(code: ResultsFileErrorCode, message: string, columns?: string[]) {
    super(message);
    this.name = 'ResultsFileError';
    this.code = code;
    if (columns !== undefined) this.columns = columns;
  }
}

export const DEFAULT_MAX_ROWS = 200_000;
const MAX_SOURCE_LENGTH = 1000;

interface ColumnSpec {
  /** Vietnamese name used in messages. */
  readonly label: string;
  readonly required: boolean;
  /** Accepted headers; matched without case, diacritics, spaces, `_`, `-` or a trailing `(…)`. */
  readonly headers: readonly string[];
}

/** The columns and the header names accepted for each, in the order a template should list them. */
export const RESULT_COLUMNS: Readonly<Record<ResultField, ColumnSpec>> = {
  unitCode: {
    label: 'Mã đơn vị',
    required: true,
    headers: ['Mã đơn vị', 'ma_don_vi', 'unit_code', 'unitCode'],
  },
  indicatorCode: {
    label: 'Mã chỉ số',
    required: true,
    headers: ['Mã chỉ số', 'Mã chỉ tiêu', 'indicator', 'indicator_code'],
  },
  period: { label: 'Kỳ báo cáo', required: true, headers: ['Kỳ', 'Kỳ báo cáo', 'period'] },
  value: { label: 'Giá trị', required: true, headers: ['Giá trị', 'Kết quả', 'value'] },
  numerator: { label: 'Tử số', required: false, headers: ['Tử số', 'numerator'] },
  denominator: { label: 'Mẫu số', required: false, headers: ['Mẫu số', 'denominator'] },
  source: {
    label: 'Nguồn số liệu',
    required: false,
    headers: ['Nguồn', 'Nguồn số liệu', 'source'],
  },
};

const FIELDS = Object.keys(RESULT_COLUMNS) as ResultField[];

/** `Mã đơn vị` → `madonvi`, `unit_code`/`unitCode` → `unitcode`, `Giá trị (%)` → `giatri`. */
function headerKey(header: string): string {
  return foldVi(header.replace(/\([^()]*\)\s*$/, ''))
    .normalize('NFKC')
    .replace(/[^a-z0-9]/g, '');
}

const FIELD_BY_HEADER = new Map<string, ResultField>(
  FIELDS.flatMap((field) =>
    RESULT_COLUMNS[field].headers.map((header) => [headerKey(header), field] as const),
  ),
);

// ---------------------------------------------------------------------------------------------
// File type

const CSV_MIMETYPES = new Set([
  'text/csv',
  'application/csv',
  'text/x-csv',
  'text/comma-separated-values',
]);
const XLSX_MIMETYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ACCEPTED_TYPES_VI = 'Chỉ chấp nhận tệp CSV (.csv, mã hoá UTF-8) hoặc Excel (.xlsx).';

function detectFormat(filename: string, mimetype: string | undefined): 'csv' | 'xlsx' {
  const extension = /\.([^./\\]+)$/.exec(filename.trim())?.[1]?.toLowerCase();
  if (extension === 'csv') return 'csv';
  if (extension === 'xlsx') return 'xlsx';
  const mime = (mimetype ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (extension === undefined) {
    if (CSV_MIMETYPES.has(mime)) return 'csv';
    if (mime === XLSX_MIMETYPE) return 'xlsx';
  }
  const what = extension ? `.${extension}` : mime ? `(${mime})` : '(không rõ loại)';
  const hint =
    extension === 'xls'
      ? ' Tệp Excel cũ (.xls) cần được lưu lại dưới dạng .xlsx.'
      : extension === 'xlsm' || extension === 'xlsb' || extension === 'ods'
        ? ' Hãy lưu lại tệp dưới dạng .xlsx.'
        : '';
  throw new ResultsFileError(
    'unsupported_type',
    `Định dạng tệp không được hỗ trợ: ${what}. ${ACCEPTED_TYPES_VI}${hint}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Cells read from either format

type RawCell =
  | { readonly kind: 'empty' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number; readonly percent: boolean }
  | { readonly kind: 'date'; readonly value: Date }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'error'; readonly error: string }
  | { readonly kind: 'formula_without_result' };

const EMPTY: RawCell = { kind: 'empty' };

function textCell(text: string): RawCell {
  const trimmed = text.trim();
  return trimmed === '' ? EMPTY : { kind: 'text', text: trimmed };
}

interface RawRecord {
  /** Spreadsheet row number. */
  readonly row: number;
  readonly cells: readonly RawCell[];
}

interface RawSheet {
  readonly records: readonly RawRecord[];
  /** Row-level problems found while reading (CSV quoting), by row number. */
  readonly structuralErrors: ReadonlyMap<number, string>;
  /** CSV only: data in more cells than the header has is an error (a shifted row). */
  readonly checkOverflow: boolean;
}

function isEmptyCells(cells: readonly RawCell[]): boolean {
  return cells.every((cell) => cell.kind === 'empty');
}

// ---------------------------------------------------------------------------------------------
// CSV

function startsWith(buffer: Buffer, bytes: readonly number[]): boolean {
  return buffer.length >= bytes.length && bytes.every((byte, index) => buffer[index] === byte);
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function decodeCsv(buffer: Buffer): string {
  if (startsWith(buffer, ZIP_MAGIC) || startsWith(buffer, OLE_MAGIC)) {
    throw new ResultsFileError(
      'unreadable_file',
      'Tệp mang đuôi .csv nhưng nội dung là tệp Excel; hãy tải lên với đuôi .xlsx hoặc lưu lại dưới dạng CSV UTF-8.',
    );
  }
  let encoding = 'utf-8';
  if (startsWith(buffer, [0xff, 0xfe])) encoding = 'utf-16le';
  else if (startsWith(buffer, [0xfe, 0xff])) encoding = 'utf-16be';
  let text: string;
  try {
    // Removes the byte order mark.
    text = new TextDecoder(encoding, { fatal: true }).decode(buffer);
  } catch {
    throw new ResultsFileError(
      'unreadable_file',
      'Không đọc được tệp CSV: nội dung không phải văn bản mã hoá UTF-8. Hãy lưu lại tệp với kiểu “CSV UTF-8 (phân tách bằng dấu phẩy)”.',
    );
  }
  if (text.includes('\u0000')) {
    throw new ResultsFileError(
      'unreadable_file',
      'Không đọc được tệp CSV: tệp chứa dữ liệu nhị phân, không phải văn bản.',
    );
  }
  return text;
}

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The delimiter is the one used most in the first line that has any text (the header), counting
 * only outside quotes; header names never contain `,`, `;` or tabs while values may (`89,5`).
 */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  let lineHasText = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    if (char === '"') {
      inQuotes = !inQuotes;
      lineHasText = true;
    } else if (inQuotes) {
      continue;
    } else if (char === '\n' || char === '\r') {
      if (lineHasText) break;
    } else if (counts.has(char)) {
      counts.set(char, (counts.get(char) ?? 0) + 1);
      lineHasText = true;
    } else if (char.trim() !== '') {
      lineHasText = true;
    }
  }
  let best: string = ',';
  let bestCount = 0;
  for (const [delimiter, count] of counts) {
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

function readCsv(buffer: Buffer): RawSheet {
  let text = decodeCsv(buffer);
  // Excel writes and honours a first line `sep=;`, and does not show it as a row.
  const sepLine = /^sep=([,;\t])[ \t]*(?:\r\n|\n|\r|$)/i.exec(text);
  if (sepLine) text = text.slice(sepLine[0].length);
  if (text.trim() === '') throw emptyFile();
  const parsed = Papa.parse<string[]>(text, {
    delimiter: sepLine?.[1] ?? detectDelimiter(text),
    quoteChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
  });
  const structuralErrors = new Map<number, string>();
  for (const error of parsed.errors) {
    if (typeof error.row !== 'number') continue;
    const row = error.row + 1;
    if (structuralErrors.has(row)) continue;
    structuralErrors.set(
      row,
      error.code === 'MissingQuotes'
        ? 'Lỗi định dạng CSV: dấu ngoặc kép (") không được đóng; các dòng sau đó bị gộp vào dòng này'
        : 'Lỗi định dạng CSV: dấu ngoặc kép (") đặt sai chỗ',
    );
  }
  const records = parsed.data.map((fields, index) => ({
    row: index + 1,
    cells: fields.map((field) => textCell(field)),
  }));
  return { records, structuralErrors, checkOverflow: true };
}

// ---------------------------------------------------------------------------------------------
// XLSX

/** True when a number format scales by 100 (`0.0%`), ignoring quoted or escaped `%`. */
function isPercentFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return numFmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .includes('%');
}

function fromCellValue(value: ExcelJS.CellValue, percent: boolean): RawCell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number') return { kind: 'number', value, percent };
  if (typeof value === 'string') return textCell(value);
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return { kind: 'date', value };
  if ('error' in value) return { kind: 'error', error: String(value.error) };
  if ('richText' in value) return textCell(value.richText.map((part) => part.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) {
    const result: unknown = value.result;
    if (result === undefined || result === null) {
      return { kind: 'formula_without_result' };
    }
    return fromCellValue(result as ExcelJS.CellValue, percent);
  }
  if ('hyperlink' in value) {
    const text: unknown = value.text;
    return typeof text === 'string'
      ? textCell(text)
      : fromCellValue(text as ExcelJS.CellValue, false);
  }
  return { kind: 'error', error: 'ô không đọc được' };
}

async function readXlsx(buffer: Buffer): Promise<RawSheet> {
  if (startsWith(buffer, OLE_MAGIC)) {
    throw new ResultsFileError(
      'unreadable_file',
      'Không đọc được tệp Excel: tệp là định dạng Excel cũ (.xls) hoặc được đặt mật khẩu. Hãy bỏ mật khẩu và lưu lại dưới dạng .xlsx.',
    );
  }
  const unreadable = new ResultsFileError(
    'unreadable_file',
    'Không đọc được tệp Excel (.xlsx): tệp bị hỏng hoặc không phải tệp Excel.',
  );
  if (!startsWith(buffer, ZIP_MAGIC)) throw unreadable;
  try {
    const workbook = new ExcelJS.Workbook();
    // exceljs types its argument as an ArrayBuffer-like `Buffer`; JSZip reads a Node Buffer as is.
    await workbook.xlsx.load(buffer as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw emptyFile();
    const records: RawRecord[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: RawCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        while (cells.length < columnNumber - 1) cells.push(EMPTY);
        cells[columnNumber - 1] = fromCellValue(cell.value, isPercentFormat(cell.numFmt));
      });
      records.push({ row: rowNumber, cells });
    });
    return { records, structuralErrors: new Map(), checkOverflow: false };
  } catch (error) {
    if (error instanceof ResultsFileError) throw error;
    throw unreadable;
  }
}

// ---------------------------------------------------------------------------------------------
// Numbers

const GROUPED = {
  '.': /^\d{1,3}(?:\.\d{3})+$/,
  ',': /^\d{1,3}(?:,\d{3})+$/,
  ' ': /^\d{1,3}(?: \d{3})+$/,
} as const;

function count(text: string, char: string): number {
  let total = 0;
  for (const c of text) if (c === char) total += 1;
  return total;
}

/**
 * Reads a number as people write it in Vietnamese or English spreadsheets; `null` when it is not one.
 * - one `,` or one `.` is the decimal separator: `89,5` = `89.5` = 89.5 (so `1,234` is 1.234);
 * - with both, the last one is the decimal separator and the other must group by thousands:
 *   `1.234,5` = `1,234.5` = 1234.5; a separator used more than once groups thousands: `1.234.567`;
 *   spaces may group thousands too: `1 234,5`;
 * - a trailing `%` is dropped (`89,5%` → 89.5), `-`/`+`/`−` signs and `1.5e-3` are accepted.
 */
export function parseLocaleNumber(input: string): number | null {
  let text = input
    .trim()
    .replace(/[\u00a0\u202f\u2009]/g, ' ')
    .replace(/\s*%$/, '');
  let sign = '';
  const first = text.charAt(0);
  if (first === '-' || first === '+' || first === '\u2212') {
    sign = first === '+' ? '' : '-';
    text = text.slice(1);
  }
  if (text === '') return null;
  const scientific = /^(\d+)(?:[.,](\d+))?[eE]([+-]?\d+)$/.exec(text);
  const normalized = scientific
    ? `${scientific[1]}.${scientific[2] ?? '0'}e${scientific[3]}`
    : /^\d+$/.test(text)
      ? text
      : normalizeSeparators(text);
  if (normalized === null) return null;
  const value = Number(sign + normalized);
  if (!Number.isFinite(value)) return null;
  return value === 0 ? 0 : value;
}

function normalizeSeparators(text: string): string | null {
  const dots = count(text, '.');
  const commas = count(text, ',');
  const spaces = count(text, ' ');
  let integer: string;
  let fraction: string | undefined;
  if (dots > 0 && commas > 0) {
    if (spaces > 0) return null;
    const decimal = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    if (count(text, decimal) !== 1) return null;
    [integer = '', fraction] = text.split(decimal);
    if (!GROUPED[group].test(integer)) return null;
    integer = integer.split(group).join('');
  } else if (dots + commas === 1) {
    const decimal = dots === 1 ? '.' : ',';
    [integer = '', fraction] = text.split(decimal);
    if (integer === '') integer = '0';
    else if (spaces > 0) {
      if (!GROUPED[' '].test(integer)) return null;
      integer = integer.split(' ').join('');
    }
  } else if (dots + commas > 1) {
    if (spaces > 0) return null;
    const group = dots > 0 ? '.' : ',';
    if (!GROUPED[group].test(text)) return null;
    integer = text.split(group).join('');
  } else {
    if (!GROUPED[' '].test(text)) return null;
    integer = text.split(' ').join('');
  }
  if (!/^\d+$/.test(integer)) return null;
  if (fraction === undefined) return integer;
  if (!/^\d+$/.test(fraction)) return null;
  return `${integer}.${fraction}`;
}

// ---------------------------------------------------------------------------------------------
// Validation

function emptyFile(): ResultsFileError {
  return new ResultsFileError('empty_file', 'Tệp trống: không có dòng tiêu đề và dữ liệu nào.');
}

interface MappedColumn {
  readonly index: number;
  readonly header: string;
}

function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

function headerText(cell: RawCell): string {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'number':
      return String(cell.value);
    case 'boolean':
      return String(cell.value);
    case 'date':
    case 'empty':
    case 'error':
    case 'formula_without_result':
      return '';
  }
}

const HEADER_SEARCH_ROWS = 20;

/**
 * The header is the first non-empty row, unless a later one among the first
 * {@link HEADER_SEARCH_ROWS} non-empty rows names more known columns (a title such as
 * `BÁO CÁO KẾT QUẢ CẢI CÁCH HÀNH CHÍNH` above the header). -1 when every row is empty.
 */
function findHeader(records: readonly RawRecord[]): number {
  let best = -1;
  let bestScore = 0;
  let seen = 0;
  for (let position = 0; position < records.length && seen < HEADER_SEARCH_ROWS; position += 1) {
    const record = records[position];
    if (!record || isEmptyCells(record.cells)) continue;
    seen += 1;
    if (best === -1) best = position;
    const fields = new Set(
      record.cells.map((cell) => FIELD_BY_HEADER.get(headerKey(headerText(cell)))),
    );
    fields.delete(undefined);
    if (fields.size > bestScore) {
      best = position;
      bestScore = fields.size;
    }
  }
  return best;
}

function mapColumns(header: RawRecord): Map<ResultField, MappedColumn> {
  const columns = new Map<ResultField, MappedColumn>();
  const repeated = new Map<ResultField, MappedColumn[]>();
  header.cells.forEach((cell, index) => {
    const text = headerText(cell);
    const field = FIELD_BY_HEADER.get(headerKey(text));
    if (!field) return;
    const existing = columns.get(field);
    if (existing) {
      repeated.set(field, [...(repeated.get(field) ?? [existing]), { index, header: text }]);
    } else {
      columns.set(field, { index, header: text });
    }
  });
  if (repeated.size > 0) {
    const parts = [...repeated].map(
      ([field, list]) =>
        `${RESULT_COLUMNS[field].label} (${list
          .map((column) => `cột ${columnLetter(column.index)} "${column.header}"`)
          .join(', ')})`,
    );
    throw new ResultsFileError(
      'missing_columns',
      `Dòng tiêu đề (dòng ${header.row}) có cột bị lặp: ${parts.join('; ')}. Mỗi loại cột chỉ được có một.`,
      [...repeated.keys()].map((field) => RESULT_COLUMNS[field].label),
    );
  }
  // A file may give numerator and denominator instead of the value column.
  const valueDerivable = columns.has('numerator') && columns.has('denominator');
  const missing = FIELDS.filter(
    (field) =>
      RESULT_COLUMNS[field].required &&
      !columns.has(field) &&
      !(field === 'value' && valueDerivable),
  );
  if (missing.length > 0) {
    const names = missing.map((field) => RESULT_COLUMNS[field].label);
    const accepted = missing.map(
      (field) =>
        `${RESULT_COLUMNS[field].label}: ${RESULT_COLUMNS[field].headers.map((h) => `"${h}"`).join(', ')}`,
    );
    throw new ResultsFileError(
      'missing_columns',
      `Thiếu cột bắt buộc: ${names.join(', ')}. Dòng tiêu đề (dòng ${header.row}) cần có các cột này; tên cột được chấp nhận — ${accepted.join('; ')}.`,
      names,
    );
  }
  return columns;
}

type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

function shown(text: string): string {
  return `"${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`;
}

function isoDate(date: Date): string {
  return Number.isNaN(date.getTime()) ? 'ngày không hợp lệ' : date.toISOString().slice(0, 10);
}

type BrokenCell = Extract<RawCell, { kind: 'error' | 'formula_without_result' }>;

function brokenCell(cell: BrokenCell, label: string): string {
  return cell.kind === 'error'
    ? `${label}: ô có lỗi công thức ${cell.error}`
    : `${label}: ô công thức chưa có kết quả tính sẵn (hãy mở tệp bằng Excel, tính lại và lưu)`;
}

function readText(cell: RawCell, field: ResultField): Read<string | null> {
  const label = RESULT_COLUMNS[field].label;
  switch (cell.kind) {
    case 'empty':
      return { ok: true, value: null };
    case 'text':
      return { ok: true, value: cell.text };
    case 'number':
      return { ok: true, value: String(cell.value) };
    case 'boolean':
      return { ok: true, value: cell.value ? 'TRUE' : 'FALSE' };
    case 'date':
      if (field === 'source') return { ok: true, value: isoDate(cell.value) };
      if (field === 'period') {
        return {
          ok: false,
          reason: `Kỳ báo cáo là ô ngày tháng (${isoDate(cell.value)}); hãy định dạng ô là văn bản (Text) và nhập dạng 2025, 2025-H1, 2025-Q3 hoặc 2025-09`,
        };
      }
      return { ok: false, reason: `${label} là ô ngày tháng (${isoDate(cell.value)})` };
    case 'error':
    case 'formula_without_result':
      return { ok: false, reason: brokenCell(cell, label) };
  }
}

function readNumber(cell: RawCell, field: ResultField): Read<number | null> {
  const label = RESULT_COLUMNS[field].label;
  switch (cell.kind) {
    case 'empty':
      return { ok: true, value: null };
    case 'number':
      // A percent-formatted cell holding 0.895 shows 89.5%; 15 significant digits drop 89.50000000000001.
      return {
        ok: true,
        value: cell.percent ? Number((cell.value * 100).toPrecision(15)) : cell.value,
      };
    case 'text': {
      const value = parseLocaleNumber(cell.text);
      return value === null
        ? { ok: false, reason: `${label} không phải là số: ${shown(cell.text)}` }
        : { ok: true, value };
    }
    case 'date':
      return {
        ok: false,
        reason: `${label} không phải là số: ô ngày tháng ${isoDate(cell.value)}`,
      };
    case 'boolean':
      return {
        ok: false,
        reason: `${label} không phải là số: ${cell.value ? 'TRUE' : 'FALSE'}`,
      };
    case 'error':
    case 'formula_without_result':
      return { ok: false, reason: brokenCell(cell, label) };
  }
}

function validateSheet(sheet: RawSheet, maxRows: number): Omit<ParsedResultsFile, 'format'> {
  const headerPosition = findHeader(sheet.records);
  const header = sheet.records[headerPosition];
  if (!header) throw emptyFile();
  const columns = mapColumns(header);
  const headerWidth = header.cells.length;
  const mapped = [...columns.entries()];

  const rows: ParsedResultRow[] = [];
  const errors: RowError[] = [];
  const firstRowByKey = new Map<string, number>();
  let dataRows = 0;

  for (let position = headerPosition + 1; position < sheet.records.length; position += 1) {
    const record = sheet.records[position];
    if (!record) continue;
    const { row, cells } = record;
    const structural = sheet.structuralErrors.get(row);
    const overflow = sheet.checkOverflow ? cells.slice(headerWidth) : [];
    const cellOf = (field: ResultField): RawCell => {
      const column = columns.get(field);
      return column ? (cells[column.index] ?? EMPTY) : EMPTY;
    };
    // Empty rows, and rows with text only in columns this import does not read (a prefilled `STT`).
    if (
      structural === undefined &&
      isEmptyCells(overflow) &&
      mapped.every(([field]) => cellOf(field).kind === 'empty')
    ) {
      continue;
    }
    dataRows += 1;
    if (dataRows > maxRows) {
      throw new ResultsFileError(
        'too_many_rows',
        `Tệp có hơn ${formatNumberVi(maxRows, 0)} dòng dữ liệu; hãy chia thành nhiều tệp nhỏ hơn.`,
      );
    }
    if (structural !== undefined) {
      errors.push({ row, reason: structural });
      continue;
    }
    if (!isEmptyCells(overflow)) {
      const used = cells.length - [...cells].reverse().findIndex((cell) => cell.kind !== 'empty');
      errors.push({
        row,
        reason: `Dòng có ${used} ô dữ liệu, nhiều hơn ${headerWidth} cột của dòng tiêu đề — thường do số thập phân dùng dấu phẩy trong tệp CSV phân tách bằng dấu phẩy; hãy đặt số trong dấu ngoặc kép hoặc dùng dấu chấm phẩy (;) để phân tách`,
      });
      continue;
    }

    const rowErrors: RowError[] = [];
    const fail = (field: ResultField, reason: string): void => {
      const column = columns.get(field);
      rowErrors.push(
        column ? { row, column: column.header, field, reason } : { row, field, reason },
      );
    };
    const text = (field: ResultField): string | null => {
      const read = readText(cellOf(field), field);
      if (read.ok) return read.value;
      fail(field, read.reason);
      return null;
    };
    const number = (field: ResultField): number | null => {
      const read = readNumber(cellOf(field), field);
      if (read.ok) return read.value;
      fail(field, read.reason);
      return null;
    };

    const unitRead = readText(cellOf('unitCode'), 'unitCode');
    let unitCode: string | null = null;
    if (!unitRead.ok) fail('unitCode', unitRead.reason);
    else if (unitRead.value === null) fail('unitCode', 'Thiếu mã đơn vị');
    else unitCode = unitRead.value;

    const indicatorRead = readText(cellOf('indicatorCode'), 'indicatorCode');
    let indicatorCode: string | null = null;
    if (!indicatorRead.ok) fail('indicatorCode', indicatorRead.reason);
    else if (indicatorRead.value === null) fail('indicatorCode', 'Thiếu mã chỉ số');
    else {
      const indicator =
        findIndicator(indicatorRead.value) ?? findIndicator(indicatorRead.value.toUpperCase());
      if (indicator) indicatorCode = indicator.code;
      else
        fail('indicatorCode', `Mã chỉ số không có trong danh mục: ${shown(indicatorRead.value)}`);
    }

    const periodRead = readText(cellOf('period'), 'period');
    let period: string | null = null;
    if (!periodRead.ok) fail('period', periodRead.reason);
    else if (periodRead.value === null) fail('period', 'Thiếu kỳ báo cáo');
    else {
      try {
        period = parsePeriod(periodRead.value).text;
      } catch (error) {
        fail(
          'period',
          error instanceof Error
            ? error.message.replace(/\.$/, '')
            : `Kỳ báo cáo không hợp lệ: ${shown(periodRead.value)}`,
        );
      }
    }

    const valueErrorsBefore = rowErrors.length;
    let value = number('value');
    const numerator = number('numerator');
    const denominator = number('denominator');
    if (denominator !== null && denominator <= 0) {
      fail(
        'denominator',
        `Mẫu số phải lớn hơn 0 (đang là ${String(denominator).replace('.', ',')})`,
      );
    }
    const numbersRead = rowErrors.length === valueErrorsBefore;
    if (numbersRead && value === null) {
      if (numerator !== null && denominator !== null) {
        value = roundTo((numerator / denominator) * 100, 4);
      } else if (numerator !== null || denominator !== null) {
        fail('value', 'Thiếu giá trị: cần có cả tử số và mẫu số để tính giá trị');
      } else {
        fail('value', 'Thiếu giá trị');
      }
    }

    const source = text('source');
    if (source !== null && source.length > MAX_SOURCE_LENGTH) {
      fail('source', `Nguồn số liệu dài quá ${MAX_SOURCE_LENGTH} ký tự`);
    }

    if (unitCode !== null && indicatorCode !== null && period !== null) {
      const key = JSON.stringify([unitCode, indicatorCode, period]);
      const earlier = firstRowByKey.get(key);
      if (earlier === undefined) firstRowByKey.set(key, row);
      else {
        rowErrors.push({
          row,
          reason: `Trùng với dòng ${earlier}: cùng mã đơn vị, mã chỉ số và kỳ báo cáo (${unitCode}, ${indicatorCode}, ${period})`,
        });
      }
    }

    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
    } else if (unitCode !== null && indicatorCode !== null && period !== null) {
      rows.push({ row, unitCode, indicatorCode, period, value, numerator, denominator, source });
    }
  }

  if (dataRows === 0) {
    throw new ResultsFileError(
      'empty_file',
      `Tệp chỉ có dòng tiêu đề (dòng ${header.row}), không có dòng dữ liệu nào.`,
    );
  }
  return { rows, errors };
}

// ---------------------------------------------------------------------------------------------

/**
 * Reads a results upload. Rows come back in file order with their spreadsheet row numbers; `errors`
 * lists every bad cell or row (a row with any error is not in `rows`). Throws {@link ResultsFileError}
 * for a problem with the whole file, never anything else.
 */
export async function parseResultsFile(
  input: { buffer: Buffer; filename: string; mimetype?: string },
  options: ParseResultsFileOptions = {},
): Promise<ParsedResultsFile> {
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  if (!Number.isInteger(maxRows) || maxRows < 1) {
    throw new RangeError(`maxRows must be a positive integer, got ${String(maxRows)}`);
  }
  const format = detectFormat(input.filename, input.mimetype);
  if (input.buffer.length === 0) throw emptyFile();
  const sheet = format === 'csv' ? readCsv(input.buffer) : await readXlsx(input.buffer);
  return { ...validateSheet(sheet, maxRows), format };
}
