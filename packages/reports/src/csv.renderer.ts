/**
 * CSV: UTF-8 with a byte order mark (so Excel reads Vietnamese correctly), comma separated, CRLF line
 * ends, fields quoted per RFC 4180 when needed. Header row in Vietnamese, then one row per ranked unit
 * in the view's order, then the units left out with their reason in "Ghi chú". No formatting: numbers
 * are JavaScript's shortest round-trip text of the value, with a dot as decimal separator and no
 * thousands grouping (`89.5`, `0.7512`, `1234`); percents are 0–100 without a `%` sign.
 * Text that a spreadsheet would run as a formula gets a leading apostrophe ({@link neutraliseFormula}).
 */
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { TComparisonView } from '@commune-bench/domain';
import { neutraliseFormula } from './cell-text.js';
import type { ComparisonReportModel } from './comparison-model.js';
import { DEMO_NOTICE_VI, LEAST_AMBITIOUS_VI, MOST_AMBITIOUS_VI } from './labels.js';
import { RANKING_COLUMN_HEADERS, rowNote, type RankingReportModel } from './ranking-model.js';

export const CSV_BOM = '\uFEFF';
const LINE_END = '\r\n';
const CHUNK_CHARS = 64 * 1024;

type Field = string | number | null;

function field(value: Field): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = neutraliseFormula(value);
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function line(fields: readonly Field[]): string {
  return fields.map(field).join(',') + LINE_END;
}

/** Joins lines into chunks of about 64 KiB, so the stream is written in few, bounded pieces. */
function* chunked(lines: Iterable<string>): Generator<Buffer> {
  let pending = '';
  for (const next of lines) {
    pending += next;
    if (pending.length >= CHUNK_CHARS) {
      yield Buffer.from(pending, 'utf8');
      pending = '';
    }
  }
  if (pending.length > 0) yield Buffer.from(pending, 'utf8');
}

async function writeLines(lines: Iterable<string>, out: Writable): Promise<void> {
  await pipeline(Readable.from(chunked(lines), { objectMode: false }), out);
}

export const RANKING_CSV_HEADERS = [
  RANKING_COLUMN_HEADERS.rank,
  RANKING_COLUMN_HEADERS.unit,
  'Mã đơn vị',
  RANKING_COLUMN_HEADERS.value,
  RANKING_COLUMN_HEADERS.previousRank,
  RANKING_COLUMN_HEADERS.change,
  RANKING_COLUMN_HEADERS.note,
] as const;

function note(parts: readonly string[]): string {
  return parts.filter((part) => part !== '').join('; ');
}

function* rankingLines(model: RankingReportModel): Generator<string> {
  const demo = model.isDemo ? DEMO_NOTICE_VI : '';
  yield CSV_BOM + line(RANKING_CSV_HEADERS);
  for (const row of model.rows) {
    // Thay đổi: previous rank − rank (3 = up three places, -1 = down one), "mới" for a unit new to the ranking.
    const change = row.isNew ? 'mới' : row.change;
    yield line([
      row.rank,
      row.unitName,
      row.unitId,
      row.value,
      row.previousRank,
      change,
      note([rowNote(row), demo]),
    ]);
  }
  for (const row of model.excluded) {
    yield line([null, row.unitName, row.unitId, null, null, null, note([row.reason, demo])]);
  }
}

export async function renderRankingCsv(model: RankingReportModel, out: Writable): Promise<void> {
  await writeLines(rankingLines(model), out);
}

export const COMPARISON_CSV_HEADERS = [
  'Lĩnh vực',
  'Mã chỉ số',
  'Chỉ số',
  'Đơn vị',
  'Mã đơn vị',
  'Chỉ tiêu',
  'Giá trị chỉ tiêu',
  'Năm đến hạn',
  'Kết quả',
  'Kỳ của kết quả',
  'Mức độ đạt',
  'Mức phấn đấu',
  'Ghi chú',
] as const;

/** One row per indicator and unit (long format), in the report's order; raw numbers beside the wording. */
function* comparisonLines(model: ComparisonReportModel, view: TComparisonView): Generator<string> {
  const demo = model.isDemo ? DEMO_NOTICE_VI : '';
  yield CSV_BOM + line(COMPARISON_CSV_HEADERS);
  for (const group of model.groups) {
    for (const indicatorRow of group.rows) {
      const source = view.rows.find((row) => row.indicatorCode === indicatorRow.indicatorCode);
      for (const [index, cell] of indicatorRow.cells.entries()) {
        const unit = model.units[index];
        const raw = source?.cells.find((candidate) => candidate.unitId === cell.unitId);
        const target = raw?.target ?? null;
        const attainment = raw?.attainment ?? null;
        const ambition =
          cell.ambition === 'most'
            ? MOST_AMBITIOUS_VI
            : cell.ambition === 'least'
              ? LEAST_AMBITIOUS_VI
              : '';
        yield line([
          group.areaName,
          indicatorRow.indicatorCode,
          indicatorRow.indicatorName,
          unit?.name ?? cell.unitId,
          cell.unitId,
          cell.target,
          target?.value ?? null,
          target?.dueYear ?? null,
          attainment?.actual ?? null,
          attainment?.actualPeriod ?? null,
          cell.status,
          ambition,
          note([cell.explanation, demo]),
        ]);
      }
    }
  }
}

export async function renderComparisonCsv(
  model: ComparisonReportModel,
  view: TComparisonView,
  out: Writable,
): Promise<void> {
  await writeLines(comparisonLines(model, view), out);
}
