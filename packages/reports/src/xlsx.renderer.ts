/**
 * XLSX with exceljs's streaming WorkbookWriter: every row is committed (serialised and dropped) as soon
 * as it is written, so a national ranking is never held as a second, workbook-sized copy.
 * Values are numbers; percents stay 0–100 (as in the view and the CSV) and are shown with a
 * `0.0"%"`-style format carrying the ranking's precision, so the cell holds what the page shows.
 */
import { PassThrough, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { TComparisonView, TIndicatorUnit } from '@commune-bench/domain';
import ExcelJS from 'exceljs';
import { neutraliseFormula } from './cell-text.js';
import {
  targetWithAmbition,
  COMPARISON_CELL_HEADERS,
  COMPARISON_INDICATOR_HEADER,
  type ComparisonReportModel,
} from './comparison-model.js';
import { DEMO_NOTICE_VI } from './labels.js';
import {
  formatChangeMark,
  RANKING_COLUMN_HEADERS,
  rowHighlight,
  rowNote,
  type MethodLine,
  type RankingReportModel,
} from './ranking-model.js';

export const RANKING_SHEET_NAME = 'Xếp hạng';
export const COMPARISON_SHEET_NAME = 'So sánh';
export const METHOD_SHEET_NAME = 'Phương pháp';

const FONT_NAME = 'Times New Roman';
const COLOURS = {
  header: 'FFD9E1F2',
  own: 'FFFFF2CC',
  top: 'FFE2EFDA',
  area: 'FFEDEDED',
  up: 'FF00803C',
  down: 'FFC00000',
  demo: 'FFC00000',
  most: 'FFE2EFDA',
  least: 'FFFCE4D6',
} as const;

const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function fill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

function font(extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> {
  return { name: FONT_NAME, size: 12, ...extra };
}

/** Text for a cell: never read as a formula. */
function text(value: string): string {
  return neutraliseFormula(value);
}

/**
 * The number format of a ranked value: `0.0"%"` for a percent at 1 decimal (the value is 0–100),
 * `0.0000` for a score at 4, `#,##0` for a count.
 */
export function valueNumberFormat(unit: TIndicatorUnit, precision: number): string {
  const decimals = precision > 0 ? `.${'0'.repeat(precision)}` : '';
  switch (unit) {
    case 'percent':
      return `0${decimals}"%"`;
    case 'count':
      return `#,##0${decimals}`;
    case 'score':
    case 'level':
    case 'rank':
    case 'bool':
      return `0${decimals}`;
  }
}

function newWorkbook(
  sink: Writable,
  model: { context: { generatedBy: string; generatedAt: string } },
) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = model.context.generatedBy;
  workbook.created = new Date(model.context.generatedAt);
  return workbook;
}

/** Rough row height for wrapped text in a column `width` characters wide. */
function wrappedHeight(value: string, width: number, lineHeight = 16): number {
  const lines = value
    .split('\n')
    .reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / Math.max(1, width - 2))), 0);
  return Math.max(1, lines) * lineHeight;
}

interface TitleBlock {
  header: { issuingBodyLines: readonly string[]; placeDate: string };
  title: string;
  subtitles: readonly string[];
  legend: readonly string[];
  isDemo: boolean;
}

/** Writes the title block from row 1; returns the number of the next free row. */
function writeTitleBlock(sheet: ExcelJS.Worksheet, block: TitleBlock, columns: number): number {
  let rowNumber = 1;
  const merged = (
    value: string,
    style: Partial<ExcelJS.Font>,
    align: 'left' | 'center',
    height?: number,
  ) => {
    const row = sheet.getRow(rowNumber);
    const cell = row.getCell(1);
    cell.value = text(value);
    cell.font = font(style);
    cell.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
    if (columns > 1) sheet.mergeCells(rowNumber, 1, rowNumber, columns);
    if (height !== undefined) row.height = height;
    row.commit();
    rowNumber += 1;
  };
  for (const line of block.header.issuingBodyLines) merged(line, { bold: true }, 'left');
  merged(block.header.placeDate, { italic: true }, 'left');
  rowNumber += 1;
  merged(block.title, { bold: true, size: 14 }, 'center', 22);
  for (const subtitle of block.subtitles)
    merged(
      subtitle,
      {
        bold: true,
        color: subtitle.startsWith(DEMO_NOTICE_VI) ? { argb: COLOURS.demo } : undefined,
      },
      'center',
    );
  for (const line of block.legend) merged(line, { italic: true, size: 10 }, 'left');
  return rowNumber + 1;
}

function writeMethodSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  heading: string,
  method: readonly MethodLine[],
  isDemo: boolean,
  excluded?: readonly { unitId: string; unitName: string; reason: string }[],
): void {
  const sheet = workbook.addWorksheet(METHOD_SHEET_NAME, {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  sheet.columns = [{ width: 34 }, { width: 90 }, { width: 18 }];
  let rowNumber = 1;
  const add = (
    values: (string | number)[],
    style: Partial<ExcelJS.Font> = {},
    bordered = false,
  ) => {
    const row = sheet.getRow(rowNumber);
    values.forEach((value, index) => {
      const cell = row.getCell(index + 1);
      cell.value = typeof value === 'string' ? text(value) : value;
      cell.font = font(style);
      cell.alignment = { vertical: 'top', wrapText: true };
      if (bordered) cell.border = THIN_BORDER;
    });
    const longest = values[1];
    if (typeof longest === 'string') row.height = wrappedHeight(longest, 90);
    row.commit();
    rowNumber += 1;
  };
  add([heading], { bold: true, size: 14 });
  if (isDemo) add([DEMO_NOTICE_VI], { bold: true, color: { argb: COLOURS.demo } });
  rowNumber += 1;
  for (const line of method) {
    const row = sheet.getRow(rowNumber);
    row.getCell(1).value = text(line.label);
    row.getCell(1).font = font({ bold: true });
    row.getCell(1).alignment = { vertical: 'top', wrapText: true };
    row.getCell(2).value = text(line.value);
    row.getCell(2).font = font();
    row.getCell(2).alignment = { vertical: 'top', wrapText: true };
    row.height = wrappedHeight(line.value, 90);
    row.commit();
    rowNumber += 1;
  }
  if (excluded !== undefined) {
    rowNumber += 1;
    add([`ĐƠN VỊ KHÔNG ĐƯỢC XẾP HẠNG (${excluded.length})`], { bold: true });
    if (excluded.length === 0) add(['Không có']);
    else {
      const header = sheet.getRow(rowNumber);
      ['Đơn vị', 'Lý do', 'Mã đơn vị'].forEach((label, index) => {
        const cell = header.getCell(index + 1);
        cell.value = label;
        cell.font = font({ bold: true });
        cell.fill = fill(COLOURS.header);
        cell.border = THIN_BORDER;
      });
      header.commit();
      rowNumber += 1;
      for (const row of excluded) add([row.unitName, row.reason, row.unitId], {}, true);
    }
  }
  sheet.commit();
}

/** The workbook's zip goes through `sink` into `out` from the first row on (nothing piles up in between). */
function openSink(out: Writable): { sink: PassThrough; piped: Promise<void> } {
  const sink = new PassThrough();
  const piped = pipeline(sink, out);
  // Awaited in finish(); this keeps an early failure of `out` from being an unhandled rejection meanwhile.
  piped.catch(() => undefined);
  return { sink, piped };
}

async function finish(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  { sink, piped }: { sink: PassThrough; piped: Promise<void> },
): Promise<void> {
  const committed = workbook.commit();
  committed.catch((error: unknown) =>
    sink.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  // When `out` fails (a client went away), exceljs may never see its stream finish: do not wait for it.
  await Promise.race([committed, piped]);
  await piped;
}

export async function renderRankingXlsx(model: RankingReportModel, out: Writable): Promise<void> {
  const output = openSink(out);
  const workbook = newWorkbook(output.sink, model);
  const columns = 7;
  const { context } = model;

  // The header row's number must be known before the sheet is created (frozen pane, filter).
  const titleRows =
    model.header.issuingBodyLines.length + 2 + 1 + model.subtitles.length + model.legend.length + 1;
  const headerRow = titleRows + 1;
  const lastRow = headerRow + model.rows.length;
  const sheet = workbook.addWorksheet(RANKING_SHEET_NAME, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}` }],
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  sheet.columns = [
    { key: 'rank', width: 8 },
    { key: 'unit', width: 36 },
    { key: 'value', width: 14 },
    { key: 'previousRank', width: 12 },
    { key: 'change', width: 11 },
    { key: 'note', width: 26 },
    { key: 'unitId', width: 16 },
  ];
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: lastRow, column: columns } };

  const next = writeTitleBlock(sheet, model, columns);
  if (next !== headerRow)
    throw new Error(`xlsx: title block ended at ${next}, expected ${headerRow}`);

  const header = sheet.getRow(headerRow);
  [
    RANKING_COLUMN_HEADERS.rank,
    RANKING_COLUMN_HEADERS.unit,
    model.valueHeader,
    RANKING_COLUMN_HEADERS.previousRank,
    RANKING_COLUMN_HEADERS.change,
    RANKING_COLUMN_HEADERS.note,
    'Mã đơn vị',
  ].forEach((label, index) => {
    const cell = header.getCell(index + 1);
    cell.value = label;
    cell.font = font({ bold: true });
    cell.fill = fill(COLOURS.header);
    cell.border = THIN_BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = 32;
  header.commit();

  const numFmt = valueNumberFormat(model.indicator.unit, model.indicator.precision);
  let rowNumber = headerRow + 1;
  for (const ranked of model.rows) {
    const highlight = rowHighlight(ranked, context);
    const row = sheet.getRow(rowNumber);
    row.values = [
      ranked.rank,
      text(ranked.unitName),
      ranked.value,
      ranked.previousRank ?? null,
      formatChangeMark(ranked),
      rowNote(ranked),
      text(ranked.unitId),
    ];
    const rowFont = font({ bold: highlight === 'own' });
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cell.font = rowFont;
      cell.border = THIN_BORDER;
      if (highlight === 'own') cell.fill = fill(COLOURS.own);
      else if (highlight === 'top') cell.fill = fill(COLOURS.top);
      if (column === 1 || column === 4 || column === 5) cell.alignment = { horizontal: 'center' };
    });
    row.getCell(3).numFmt = numFmt;
    if (ranked.change !== null && ranked.change !== 0 && !ranked.isNew)
      row.getCell(5).font = {
        ...rowFont,
        color: { argb: ranked.change > 0 ? COLOURS.up : COLOURS.down },
      };
    if (ranked.provisional) row.getCell(6).font = { ...rowFont, italic: true };
    row.commit();
    rowNumber += 1;
  }
  sheet.commit();

  writeMethodSheet(workbook, 'PHƯƠNG PHÁP XẾP HẠNG', model.method, model.isDemo, model.excluded);
  await finish(workbook, output);
}

const STATUS_COLOURS: Record<string, string> = {
  met: 'FF00803C',
  on_track: 'FF00803C',
  not_met: 'FFC00000',
  off_track: 'FFC55A11',
  no_data: 'FF7F7F7F',
  not_applicable: 'FF7F7F7F',
};

export async function renderComparisonXlsx(
  model: ComparisonReportModel,
  _view: TComparisonView,
  out: Writable,
): Promise<void> {
  const output = openSink(out);
  const workbook = newWorkbook(output.sink, model);
  const columns = 1 + model.units.length * 3;
  const titleRows =
    model.header.issuingBodyLines.length + 2 + 1 + model.subtitles.length + model.legend.length + 1;
  const headerRow = titleRows + 1;
  const sheet = workbook.addWorksheet(COMPARISON_SHEET_NAME, {
    views: [
      { state: 'frozen', xSplit: 1, ySplit: headerRow + 1, topLeftCell: `B${headerRow + 2}` },
    ],
    pageSetup: {
      paperSize: 9,
      orientation: model.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  sheet.columns = [
    { width: 42 },
    ...model.units.flatMap(() => [{ width: 30 }, { width: 22 }, { width: 15 }]),
  ];
  const next = writeTitleBlock(sheet, model, Math.min(columns, 7));
  if (next !== headerRow)
    throw new Error(`xlsx: title block ended at ${next}, expected ${headerRow}`);

  const styleHeader = (cell: ExcelJS.Cell, bold = true) => {
    cell.font = font({ bold });
    cell.fill = fill(COLOURS.header);
    cell.border = THIN_BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  const top = sheet.getRow(headerRow);
  top.getCell(1).value = COMPARISON_INDICATOR_HEADER;
  styleHeader(top.getCell(1));
  model.units.forEach((unit, index) => {
    const first = 2 + index * 3;
    for (let column = first; column < first + 3; column += 1) styleHeader(top.getCell(column));
    const cell = top.getCell(first);
    cell.value = text(unit.province === null ? unit.name : `${unit.name}\n(${unit.province})`);
    if (unit.isOwn) cell.fill = fill(COLOURS.own);
    sheet.mergeCells(headerRow, first, headerRow, first + 2);
  });
  top.height = 36;
  sheet.mergeCells(headerRow, 1, headerRow + 1, 1);
  top.commit();
  const sub = sheet.getRow(headerRow + 1);
  styleHeader(sub.getCell(1));
  model.units.forEach((_unit, index) => {
    const first = 2 + index * 3;
    [
      COMPARISON_CELL_HEADERS.target,
      COMPARISON_CELL_HEADERS.result,
      COMPARISON_CELL_HEADERS.status,
    ].forEach((label, offset) => {
      const cell = sub.getCell(first + offset);
      cell.value = label;
      styleHeader(cell);
    });
  });
  sub.commit();

  let rowNumber = headerRow + 2;
  if (model.groups.length === 0) {
    const row = sheet.getRow(rowNumber);
    row.getCell(1).value = 'Không có chỉ tiêu nào gắn với chỉ số trong danh mục để so sánh.';
    row.getCell(1).font = font({ italic: true });
    row.commit();
  }
  for (const group of model.groups) {
    const areaRow = sheet.getRow(rowNumber);
    for (let column = 1; column <= columns; column += 1) {
      const cell = areaRow.getCell(column);
      cell.fill = fill(COLOURS.area);
      cell.border = THIN_BORDER;
    }
    areaRow.getCell(1).value = group.heading;
    areaRow.getCell(1).font = font({ bold: true });
    sheet.mergeCells(rowNumber, 1, rowNumber, columns);
    areaRow.commit();
    rowNumber += 1;
    for (const indicatorRow of group.rows) {
      const row = sheet.getRow(rowNumber);
      const name = row.getCell(1);
      name.value = text(`${indicatorRow.indicatorName} (${indicatorRow.indicatorCode})`);
      name.font = font();
      name.alignment = { vertical: 'top', wrapText: true };
      name.border = THIN_BORDER;
      let lines = wrappedHeight(
        `${indicatorRow.indicatorName} (${indicatorRow.indicatorCode})`,
        42,
      );
      indicatorRow.cells.forEach((cellText, index) => {
        const first = 2 + index * 3;
        const own = model.units[index]?.isOwn === true;
        const values = [targetWithAmbition(cellText), cellText.result, cellText.status];
        values.forEach((value, offset) => {
          const cell = row.getCell(first + offset);
          cell.value = text(value);
          cell.font = font({
            bold: own || (offset === 0 && cellText.ambition === 'most'),
            italic: !cellText.hasTarget,
            color:
              offset === 2 && cellText.statusCode !== null
                ? { argb: STATUS_COLOURS[cellText.statusCode] ?? 'FF000000' }
                : undefined,
          });
          cell.alignment = { vertical: 'top', wrapText: true };
          cell.border = THIN_BORDER;
          if (offset === 0 && cellText.ambition === 'most') cell.fill = fill(COLOURS.most);
          if (offset === 0 && cellText.ambition === 'least') cell.fill = fill(COLOURS.least);
        });
        if (cellText.explanation !== '') row.getCell(first + 2).note = cellText.explanation;
        lines = Math.max(
          lines,
          wrappedHeight(values[0] ?? '', 30),
          wrappedHeight(values[1] ?? '', 22),
        );
      });
      row.height = lines;
      row.commit();
      rowNumber += 1;
    }
  }
  sheet.commit();
  writeMethodSheet(workbook, 'GHI CHÚ VÀ PHƯƠNG PHÁP SO SÁNH', model.method, model.isDemo);
  await finish(workbook, output);
}
