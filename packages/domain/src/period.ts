/**
 * Reporting periods: `2025` (year), `2025-H1`/`H2` (half), `2025-Q1`..`Q4` (quarter), `2025-01`..`12` (month).
 * Every period lies within one calendar year and is identified by its start and end month.
 */
import { DomainError } from './errors.js';
import { PERIOD_PATTERN } from './schemas.js';

export const PERIOD_GRANULARITIES = ['year', 'half', 'quarter', 'month'] as const;
export type TPeriodGranularity = (typeof PERIOD_GRANULARITIES)[number];

export interface ParsedPeriod {
  /** The canonical text, e.g. `2025-Q3`. */
  readonly text: string;
  readonly year: number;
  readonly granularity: TPeriodGranularity;
  /** 1 for a year, 1–2 for a half, 1–4 for a quarter, 1–12 for a month. */
  readonly index: number;
  /** First month covered, 1–12. */
  readonly startMonth: number;
  /** Last month covered, 1–12. */
  readonly endMonth: number;
}

export type PeriodInput = string | ParsedPeriod;

const MONTHS_PER_UNIT: Record<TPeriodGranularity, number> = {
  year: 12,
  half: 6,
  quarter: 3,
  month: 1,
};
const UNITS_PER_YEAR: Record<TPeriodGranularity, number> = {
  year: 1,
  half: 2,
  quarter: 4,
  month: 12,
};

function build(year: number, granularity: TPeriodGranularity, index: number): ParsedPeriod {
  const length = MONTHS_PER_UNIT[granularity];
  const yearText = String(year).padStart(4, '0');
  let text: string;
  switch (granularity) {
    case 'year':
      text = yearText;
      break;
    case 'half':
      text = `${yearText}-H${index}`;
      break;
    case 'quarter':
      text = `${yearText}-Q${index}`;
      break;
    case 'month':
      text = `${yearText}-${String(index).padStart(2, '0')}`;
      break;
  }
  return {
    text,
    year,
    granularity,
    index,
    startMonth: (index - 1) * length + 1,
    endMonth: index * length,
  };
}

/** Parses a period; throws `DomainError('invalid_period')` for anything else (`2025-Q5`, `2025-13`, `25`, `2025-h1`). */
export function parsePeriod(input: string): ParsedPeriod {
  const match = typeof input === 'string' ? PERIOD_PATTERN.exec(input) : null;
  if (!match) {
    throw new DomainError(
      'invalid_period',
      `Kỳ báo cáo không hợp lệ: "${String(input)}" (dạng đúng: 2025, 2025-H1, 2025-Q3, 2025-09).`,
      {
        period: input,
      },
    );
  }
  const year = Number(match[1]);
  const suffix = match[2];
  if (suffix === undefined) return build(year, 'year', 1);
  const kind = suffix.charAt(0);
  if (kind === 'H') return build(year, 'half', Number(suffix.slice(1)));
  if (kind === 'Q') return build(year, 'quarter', Number(suffix.slice(1)));
  return build(year, 'month', Number(suffix));
}

function toParsed(period: PeriodInput): ParsedPeriod {
  return typeof period === 'string' ? parsePeriod(period) : period;
}

/** True when the text is a valid period. */
export function isValidPeriod(input: string): boolean {
  return typeof input === 'string' && PERIOD_PATTERN.test(input);
}

/**
 * Total order on periods: by end (year, end month) ascending; periods that end together are ordered
 * longer first (earlier start month first), so `2025` < `2025-H2` < `2025-Q4` < `2025-12`.
 * Returns 0 only for the same period, so sorting with it is deterministic.
 */
export function comparePeriods(a: PeriodInput, b: PeriodInput): number {
  const left = toParsed(a);
  const right = toParsed(b);
  return (
    left.year - right.year || left.endMonth - right.endMonth || left.startMonth - right.startMonth
  );
}

/** Compares only the ends: negative when `a` ends before `b`, 0 when they end in the same month. */
export function comparePeriodEnds(a: PeriodInput, b: PeriodInput): number {
  const left = toParsed(a);
  const right = toParsed(b);
  return left.year - right.year || left.endMonth - right.endMonth;
}

/** True when `a` ends no later than `b` (`2025-Q4` and `2025` are at or before each other). */
export function isAtOrBefore(a: PeriodInput, b: PeriodInput): boolean {
  return comparePeriodEnds(a, b) <= 0;
}

/** The period just before, of the same granularity: `2025-Q1` → `2024-Q4`, `2025-01` → `2024-12`, `2025` → `2024`. */
export function previousPeriod(period: PeriodInput): string {
  const parsed = toParsed(period);
  if (parsed.index > 1) return build(parsed.year, parsed.granularity, parsed.index - 1).text;
  if (parsed.year <= 0) {
    throw new DomainError(
      'invalid_period',
      `Kỳ báo cáo không hợp lệ: không có kỳ trước kỳ "${parsed.text}".`,
      { period: parsed.text },
    );
  }
  return build(parsed.year - 1, parsed.granularity, UNITS_PER_YEAR[parsed.granularity]).text;
}

/** The calendar year in which the period ends (every period lies within one year). */
export function periodEndYear(period: PeriodInput): number {
  return toParsed(period).year;
}

/** The period's end as a fractional year: `2025` → 2026, `2025-H1` → 2025.5; used for straight-line progress. */
export function periodEndTime(period: PeriodInput): number {
  const parsed = toParsed(period);
  return parsed.year + parsed.endMonth / 12;
}

const GRANULARITY_ORDER: Record<TPeriodGranularity, number> = {
  year: 0,
  half: 1,
  quarter: 2,
  month: 3,
};

/**
 * The entry of `series` with the latest end at or before `period`, or undefined.
 * Ties (several entries ending in the same month) are broken by preferring the entry whose granularity
 * equals the asked period's, then the longer period (`2025` over `2025-Q4` over `2025-12`), then the
 * first occurrence in the series.
 */
export function latestAtOrBefore<T extends { readonly period: string }>(
  series: readonly T[],
  period: PeriodInput,
): T | undefined {
  const asked = toParsed(period);
  let best: { entry: T; parsed: ParsedPeriod } | undefined;
  for (const entry of series) {
    const parsed = parsePeriod(entry.period);
    if (comparePeriodEnds(parsed, asked) > 0) continue;
    if (best === undefined || isBetterCandidate(parsed, best.parsed, asked))
      best = { entry, parsed };
  }
  return best?.entry;
}

function isBetterCandidate(
  candidate: ParsedPeriod,
  current: ParsedPeriod,
  asked: ParsedPeriod,
): boolean {
  const byEnd = comparePeriodEnds(candidate, current);
  if (byEnd !== 0) return byEnd > 0;
  const candidateMatches = candidate.granularity === asked.granularity;
  const currentMatches = current.granularity === asked.granularity;
  if (candidateMatches !== currentMatches) return candidateMatches;
  return GRANULARITY_ORDER[candidate.granularity] < GRANULARITY_ORDER[current.granularity];
}
