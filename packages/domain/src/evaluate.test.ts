import { describe, expect, it } from 'vitest';
import { findIndicator } from './catalog.js';
import {
  comparatorSense,
  evaluateTarget,
  type TEvaluationContext,
  type TRankPosition,
  type TSeriesPoint,
} from './evaluate.js';
import { ZAttainment, type TAttainmentStatus, type TIndicator, type TTarget } from './schemas.js';
import { buildIndicator, buildTarget } from './testing/index.js';

function catalog(code: string): TIndicator {
  const indicator = findIndicator(code);
  if (indicator === undefined) throw new Error(`missing ${code}`);
  return indicator;
}

const ONTIME = catalog('TTHC.ONTIME'); // percent, precision 1, higher is better
const STAFF_CUT = catalog('TCBM.STAFF_CUT'); // percent, precision 1, lower is better
const MATURITY = catalog('CQS.DATA_MATURITY'); // level, precision 0
const INITIATIVES = catalog('CDDH.INITIATIVE_COUNT'); // count, precision 0
const REORG = catalog('TCBM.REORG'); // percent, precision 1
const DTI = catalog('CQS.DTI'); // score, precision 4
const LATE = buildIndicator({
  code: 'TTHC.LATE_RATE',
  nameVi: 'Tỷ lệ hồ sơ trễ hạn',
  direction: 'lower_better',
  precision: 1,
});
const STAFF = buildIndicator({
  code: 'TCBM.STAFF_COUNT',
  area: 'TCBM',
  unit: 'count',
  precision: 0,
  direction: 'lower_better',
});
const DONE = buildIndicator({ code: 'CDDH.PLAN_DONE', area: 'CDDH', unit: 'bool', precision: 0 });

function points(...pairs: [string, number][]): TSeriesPoint[] {
  return pairs.map(([period, value]) => ({ period, value }));
}

function ranks(table: Record<string, TRankPosition>): (period: string) => TRankPosition | null {
  return (period) => table[period] ?? null;
}

interface Expected {
  status: TAttainmentStatus;
  ratio?: number | null;
  gap?: number | null;
  actual?: number | null;
  actualPeriod?: string | null;
  explanation?: RegExp;
}

type Case = [
  name: string,
  target: Partial<TTarget>,
  indicator: TIndicator | undefined,
  series: TSeriesPoint[],
  context: TEvaluationContext,
  expected: Expected,
];

function check([, targetOverrides, indicator, series, context, expected]: Case): void {
  const result = evaluateTarget(buildTarget(targetOverrides), indicator, series, context);
  expect(ZAttainment.parse(result)).toEqual(result);
  expect(result.status).toBe(expected.status);
  if (expected.ratio !== undefined) {
    if (expected.ratio === null) expect(result.ratio).toBeNull();
    else expect(result.ratio).toBeCloseTo(expected.ratio, 10);
  }
  if (expected.gap !== undefined) expect(result.gap).toBe(expected.gap);
  if (expected.actual !== undefined) expect(result.actual).toBe(expected.actual);
  if (expected.actualPeriod !== undefined) expect(result.actualPeriod).toBe(expected.actualPeriod);
  if (expected.explanation !== undefined) expect(result.explanation).toMatch(expected.explanation);
  expect(result.explanation.length).toBeGreaterThan(10);
}

const at2026 = { asOf: '2026' };
const at2025 = { asOf: '2025' };

describe('evaluateTarget: rounding at the boundary (what a person reads is what is judged)', () => {
  it.each<Case>([
    [
      '89.96 shows as 90,0% and meets "tối thiểu 90%"',
      { comparator: 'gte', value: 90 },
      ONTIME,
      points(['2026', 89.96]),
      at2026,
      {
        status: 'met',
        actual: 90,
        ratio: 1,
        gap: 0,
        explanation: /^Đạt: kết quả 90,0% \(năm 2026\) so với chỉ tiêu tối thiểu 90,0%\.$/,
      },
    ],
    [
      '89.95 rounds half up to 90,0% and meets',
      { comparator: 'gte', value: 90 },
      ONTIME,
      points(['2026', 89.95]),
      at2026,
      { status: 'met', actual: 90 },
    ],
    [
      '89.94 shows as 89,9% and does not meet',
      { comparator: 'gte', value: 90 },
      ONTIME,
      points(['2026', 89.94]),
      at2026,
      {
        status: 'not_met',
        actual: 89.9,
        ratio: 89.9 / 90,
        gap: 0.1,
        explanation: /còn thiếu 0,1 điểm phần trăm/,
      },
    ],
    [
      'the target is rounded too: 89.96 target is 90,0',
      { comparator: 'gte', value: 89.96 },
      ONTIME,
      points(['2026', 90]),
      at2026,
      { status: 'met', ratio: 1 },
    ],
    [
      'no indicator: precision 2, 89.996 → 90,00 meets',
      { indicatorCode: null, comparator: 'gte', value: 90 },
      undefined,
      points(['2026', 89.996]),
      at2026,
      { status: 'met', actual: 90 },
    ],
    [
      'no indicator: 89.994 → 89,99 does not meet',
      { indicatorCode: null, comparator: 'gte', value: 90 },
      undefined,
      points(['2026', 89.994]),
      at2026,
      { status: 'not_met', actual: 89.99, gap: 0.01 },
    ],
    [
      'DTI at 4 decimals',
      { indicatorCode: 'CQS.DTI', unit: 'score', comparator: 'gte', value: 0.75 },
      DTI,
      points(['2026', 0.74996]),
      at2026,
      { status: 'met', actual: 0.75 },
    ],
  ])('%s', (...row) => check(row));
});

describe('evaluateTarget: every comparator', () => {
  it.each<Case>([
    // gte
    [
      'gte met',
      { comparator: 'gte', value: 90 },
      ONTIME,
      points(['2025', 80], ['2026', 95]),
      at2026,
      { status: 'met', actual: 95, actualPeriod: '2026', ratio: 95 / 90, gap: -5 },
    ],
    [
      'gte not met',
      { comparator: 'gte', value: 90 },
      ONTIME,
      points(['2026', 85]),
      at2026,
      {
        status: 'not_met',
        ratio: 85 / 90,
        gap: 5,
        explanation: /^Chưa đạt: .*còn thiếu 5,0 điểm phần trăm/,
      },
    ],
    [
      'gte on track (line 70 → 90: 80 expected in 2025)',
      { comparator: 'gte', value: 90 },
      ONTIME,
      points(['2024', 70], ['2025', 81]),
      at2025,
      {
        status: 'on_track',
        ratio: 0.9,
        gap: 9,
        explanation: /^Đúng tiến độ: .*lộ trình là 80,0%.*từ 70,0%/,
      },
    ],
    [
      'gte on track exactly on the line',
      { comparator: 'gte', value: 90 },
      ONTIME,
      points(['2024', 70], ['2025', 80]),
      at2025,
      { status: 'on_track' },
    ],
    [
      'gte off track (79,9 < 80,0)',
      { comparator: 'gte', value: 90 },
      ONTIME,
      points(['2024', 70], ['2025', 79.9]),
      at2025,
      { status: 'off_track', explanation: /^Chậm tiến độ: .*lộ trình là 80,0%/ },
    ],
    [
      'gte already met before the due year → on track',
      { comparator: 'gte', value: 90 },
      ONTIME,
      points(['2025', 91]),
      at2025,
      { status: 'on_track', ratio: 91 / 90, explanation: /^Đã đạt trước hạn \(hạn năm 2026\)/ },
    ],
    [
      'gte no data',
      { comparator: 'gte', value: 90 },
      ONTIME,
      [],
      at2026,
      {
        status: 'no_data',
        ratio: null,
        gap: null,
        actual: null,
        actualPeriod: null,
        explanation: /^Chưa có kết quả thực hiện đến năm 2026/,
      },
    ],
    [
      'gte only later results → no data',
      { comparator: 'gte', value: 90 },
      ONTIME,
      points(['2027', 95]),
      at2026,
      { status: 'no_data' },
    ],
    [
      'gte blank value → not applicable',
      { comparator: 'gte', value: null },
      ONTIME,
      points(['2026', 95]),
      at2026,
      { status: 'not_applicable', actual: null, explanation: /ô trống/ },
    ],
    [
      'gte target 0 → ratio null',
      { comparator: 'gte', value: 0 },
      ONTIME,
      points(['2026', 5]),
      at2026,
      { status: 'met', ratio: null, gap: -5 },
    ],
    [
      'gte after the due year uses the latest result',
      { comparator: 'gte', value: 90, dueYear: 2025 },
      ONTIME,
      points(['2025', 85], ['2026', 92]),
      at2026,
      { status: 'met', actual: 92 },
    ],
    [
      'gte at a quarter uses the quarter result',
      { comparator: 'gte', value: 90 },
      ONTIME,
      points(['2026-Q1', 91], ['2026-Q2', 88]),
      { asOf: '2026-Q2' },
      { status: 'not_met', actual: 88, actualPeriod: '2026-Q2' },
    ],

    // gt
    [
      'gt met (90,1 > 90)',
      { comparator: 'gt', value: 90 },
      ONTIME,
      points(['2026', 90.05]),
      at2026,
      { status: 'met', actual: 90.1 },
    ],
    [
      'gt not met when equal after rounding',
      { comparator: 'gt', value: 90 },
      ONTIME,
      points(['2026', 89.96]),
      at2026,
      { status: 'not_met', gap: 0, ratio: 1, explanation: /bằng đúng mức chỉ tiêu/ },
    ],
    [
      'gt on track',
      { comparator: 'gt', value: 90 },
      ONTIME,
      points(['2024', 70], ['2025', 85]),
      at2025,
      { status: 'on_track' },
    ],
    [
      'gt off track',
      { comparator: 'gt', value: 90 },
      ONTIME,
      points(['2024', 70], ['2025', 75]),
      at2025,
      { status: 'off_track' },
    ],
    ['gt no data', { comparator: 'gt', value: 90 }, ONTIME, [], at2026, { status: 'no_data' }],

    // eq judged by direction
    [
      'eq on higher-is-better = at least: 85 meets "đạt 80%"',
      { comparator: 'eq', value: 80 },
      ONTIME,
      points(['2026', 85]),
      at2026,
      {
        status: 'met',
        ratio: 85 / 80,
        gap: -5,
        explanation: /"tối thiểu" vì chỉ số càng cao càng tốt/,
      },
    ],
    [
      'eq on higher-is-better: 79 does not meet',
      { comparator: 'eq', value: 80 },
      ONTIME,
      points(['2026', 79]),
      at2026,
      { status: 'not_met', ratio: 79 / 80, gap: 1 },
    ],
    [
      'eq on lower-is-better (TCBM.STAFF_CUT) = at most: 4 meets "đạt 5%"',
      { indicatorCode: 'TCBM.STAFF_CUT', comparator: 'eq', value: 5 },
      STAFF_CUT,
      points(['2026', 4]),
      at2026,
      { status: 'met', ratio: 5 / 4, gap: 1, explanation: /"tối đa" vì chỉ số càng thấp càng tốt/ },
    ],
    [
      'eq on lower-is-better: 6 does not meet',
      { indicatorCode: 'TCBM.STAFF_CUT', comparator: 'eq', value: 5 },
      STAFF_CUT,
      points(['2026', 6]),
      at2026,
      {
        status: 'not_met',
        ratio: 5 / 6,
        gap: -1,
        explanation: /vượt 1,0 điểm phần trăm so với mức chỉ tiêu/,
      },
    ],
    [
      'eq on lower-is-better on track (line 9 → 5)',
      { indicatorCode: 'TCBM.STAFF_CUT', comparator: 'eq', value: 5, dueYear: 2027 },
      STAFF_CUT,
      points(['2024', 9], ['2025', 7]),
      at2025,
      { status: 'on_track' },
    ],
    [
      'eq on lower-is-better off track',
      { indicatorCode: 'TCBM.STAFF_CUT', comparator: 'eq', value: 5, dueYear: 2027 },
      STAFF_CUT,
      points(['2024', 9], ['2025', 8]),
      at2025,
      { status: 'off_track' },
    ],
    [
      'eq without indicator = at least',
      { indicatorCode: null, comparator: 'eq', value: 80 },
      undefined,
      points(['2026', 85]),
      at2026,
      { status: 'met' },
    ],
    ['eq no data', { comparator: 'eq', value: 80 }, ONTIME, [], at2026, { status: 'no_data' }],

    // lte
    [
      'lte met (5,04 → 5,0)',
      { indicatorCode: LATE.code, comparator: 'lte', value: 5 },
      LATE,
      points(['2026', 5.04]),
      at2026,
      { status: 'met', actual: 5, ratio: 1, gap: 0 },
    ],
    [
      'lte not met (5,05 → 5,1)',
      { indicatorCode: LATE.code, comparator: 'lte', value: 5 },
      LATE,
      points(['2026', 5.05]),
      at2026,
      { status: 'not_met', actual: 5.1, ratio: 5 / 5.1, gap: -0.1 },
    ],
    [
      'lte met at 0 → ratio null',
      { indicatorCode: LATE.code, comparator: 'lte', value: 5 },
      LATE,
      points(['2026', 0]),
      at2026,
      { status: 'met', ratio: null, gap: 5 },
    ],
    [
      'lte on track (line 9 → 5 over 3 years: 7,7 expected)',
      { indicatorCode: LATE.code, comparator: 'lte', value: 5, dueYear: 2027 },
      LATE,
      points(['2024', 9], ['2025', 7]),
      at2025,
      { status: 'on_track', explanation: /lộ trình là 7,7%/ },
    ],
    [
      'lte off track',
      { indicatorCode: LATE.code, comparator: 'lte', value: 5, dueYear: 2027 },
      LATE,
      points(['2024', 9], ['2025', 8]),
      at2025,
      { status: 'off_track' },
    ],
    [
      'lte no data',
      { indicatorCode: LATE.code, comparator: 'lte', value: 5 },
      LATE,
      [],
      at2026,
      { status: 'no_data' },
    ],

    // lt
    [
      'lt met',
      { indicatorCode: LATE.code, comparator: 'lt', value: 5 },
      LATE,
      points(['2026', 4.9]),
      at2026,
      { status: 'met', ratio: 5 / 4.9 },
    ],
    [
      'lt not met when equal',
      { indicatorCode: LATE.code, comparator: 'lt', value: 5 },
      LATE,
      points(['2026', 4.96]),
      at2026,
      { status: 'not_met', actual: 5, gap: 0 },
    ],
    [
      'lt on track',
      { indicatorCode: LATE.code, comparator: 'lt', value: 5, dueYear: 2027 },
      LATE,
      points(['2024', 9], ['2025', 7.5]),
      at2025,
      { status: 'on_track' },
    ],
    [
      'lt off track',
      { indicatorCode: LATE.code, comparator: 'lt', value: 5, dueYear: 2027 },
      LATE,
      points(['2024', 9], ['2025', 8.5]),
      at2025,
      { status: 'off_track' },
    ],
    [
      'lt no data',
      { indicatorCode: LATE.code, comparator: 'lt', value: 5 },
      LATE,
      [],
      at2026,
      { status: 'no_data' },
    ],

    // level_gte
    [
      'level_gte met',
      { indicatorCode: MATURITY.code, unit: 'level', comparator: 'level_gte', value: 3 },
      MATURITY,
      points(['2026', 3]),
      at2026,
      { status: 'met', ratio: 1, gap: 0, explanation: /cấp độ 3.*tối thiểu cấp độ 3/ },
    ],
    [
      'level_gte not met',
      { indicatorCode: MATURITY.code, unit: 'level', comparator: 'level_gte', value: 3 },
      MATURITY,
      points(['2026', 2]),
      at2026,
      { status: 'not_met', ratio: 2 / 3, gap: 1, explanation: /còn thiếu 1 cấp độ/ },
    ],
    [
      'level_gte on track (1 → 3 over 2 years)',
      {
        indicatorCode: MATURITY.code,
        unit: 'level',
        comparator: 'level_gte',
        value: 3,
        dueYear: 2026,
      },
      MATURITY,
      points(['2024', 1], ['2025', 2]),
      at2025,
      { status: 'on_track' },
    ],
    [
      'level_gte off track',
      {
        indicatorCode: MATURITY.code,
        unit: 'level',
        comparator: 'level_gte',
        value: 3,
        dueYear: 2026,
      },
      MATURITY,
      points(['2024', 1], ['2025', 1]),
      at2025,
      { status: 'off_track' },
    ],
    [
      'level_gte no data',
      { indicatorCode: MATURITY.code, unit: 'level', comparator: 'level_gte', value: 3 },
      MATURITY,
      [],
      at2026,
      { status: 'no_data' },
    ],

    // count_gte
    [
      'count_gte met',
      { indicatorCode: INITIATIVES.code, unit: 'count', comparator: 'count_gte', value: 5 },
      INITIATIVES,
      points(['2026', 5]),
      at2026,
      { status: 'met', ratio: 1 },
    ],
    [
      'count_gte not met',
      { indicatorCode: INITIATIVES.code, unit: 'count', comparator: 'count_gte', value: 5 },
      INITIATIVES,
      points(['2026', 3]),
      at2026,
      { status: 'not_met', ratio: 0.6, gap: 2, explanation: /còn thiếu 2\b/ },
    ],
    [
      'count_gte on track',
      {
        indicatorCode: INITIATIVES.code,
        unit: 'count',
        comparator: 'count_gte',
        value: 6,
        dueYear: 2026,
      },
      INITIATIVES,
      points(['2024', 0], ['2025', 3]),
      at2025,
      { status: 'on_track' },
    ],
    [
      'count_gte off track',
      {
        indicatorCode: INITIATIVES.code,
        unit: 'count',
        comparator: 'count_gte',
        value: 6,
        dueYear: 2026,
      },
      INITIATIVES,
      points(['2024', 0], ['2025', 2]),
      at2025,
      { status: 'off_track' },
    ],
    [
      'count_gte no data',
      { indicatorCode: INITIATIVES.code, unit: 'count', comparator: 'count_gte', value: 5 },
      INITIATIVES,
      [],
      at2026,
      { status: 'no_data' },
    ],

    // change_by: relative percent change against the baseline year
    [
      'change_by −10% met (200 → 180)',
      {
        indicatorCode: STAFF.code,
        unit: 'percent',
        comparator: 'change_by',
        value: -10,
        baselineYear: 2024,
      },
      STAFF,
      points(['2024', 200], ['2026', 180]),
      at2026,
      {
        status: 'met',
        ratio: null,
        gap: null,
        actual: 180,
        explanation: /giảm 10,0%.*tương đối.*không phải điểm phần trăm/,
      },
    ],
    [
      'change_by −10% not met (200 → 181: giảm 9,5%)',
      { indicatorCode: STAFF.code, comparator: 'change_by', value: -10, baselineYear: 2024 },
      STAFF,
      points(['2024', 200], ['2026', 181]),
      at2026,
      { status: 'not_met', explanation: /giảm 9,5%/ },
    ],
    [
      'change_by −10% on track (halfway: −5% expected)',
      {
        indicatorCode: STAFF.code,
        comparator: 'change_by',
        value: -10,
        baselineYear: 2024,
        dueYear: 2028,
      },
      STAFF,
      points(['2024', 200], ['2026', 190]),
      at2026,
      { status: 'on_track', explanation: /lộ trình: giảm 5,0%/ },
    ],
    [
      'change_by −10% off track',
      {
        indicatorCode: STAFF.code,
        comparator: 'change_by',
        value: -10,
        baselineYear: 2024,
        dueYear: 2028,
      },
      STAFF,
      points(['2024', 200], ['2026', 191]),
      at2026,
      { status: 'off_track' },
    ],
    [
      'change_by met before due → on track',
      {
        indicatorCode: STAFF.code,
        comparator: 'change_by',
        value: -10,
        baselineYear: 2024,
        dueYear: 2027,
      },
      STAFF,
      points(['2024', 200], ['2026', 170]),
      at2026,
      { status: 'on_track', explanation: /^Đã đạt trước hạn/ },
    ],
    [
      'change_by +20% met',
      { comparator: 'change_by', value: 20, baselineYear: 2024 },
      ONTIME,
      points(['2024', 50], ['2026', 60]),
      at2026,
      { status: 'met', explanation: /tăng 20,0%/ },
    ],
    [
      'change_by +20% not met',
      { comparator: 'change_by', value: 20, baselineYear: 2024 },
      ONTIME,
      points(['2024', 50], ['2026', 59.9]),
      at2026,
      { status: 'not_met' },
    ],
    [
      'change_by baseline from the context',
      { indicatorCode: STAFF.code, comparator: 'change_by', value: -10, baselineYear: 2024 },
      STAFF,
      points(['2026', 180]),
      { asOf: '2026', baselineValue: 200 },
      { status: 'met' },
    ],
    [
      'change_by context baseline wins over the series',
      { indicatorCode: STAFF.code, comparator: 'change_by', value: -10, baselineYear: 2024 },
      STAFF,
      points(['2024', 200], ['2026', 180]),
      { asOf: '2026', baselineValue: 190 },
      { status: 'not_met' },
    ],
    [
      'change_by no baseline → no data',
      { indicatorCode: STAFF.code, comparator: 'change_by', value: -10, baselineYear: 2024 },
      STAFF,
      points(['2026', 180]),
      at2026,
      { status: 'no_data', actual: 180, explanation: /năm gốc 2024/ },
    ],
    [
      'change_by baseline known missing → no data',
      { indicatorCode: STAFF.code, comparator: 'change_by', value: -10, baselineYear: 2024 },
      STAFF,
      points(['2024', 200], ['2026', 180]),
      { asOf: '2026', baselineValue: null },
      { status: 'no_data' },
    ],
    [
      'change_by baseline 0 → not applicable',
      { indicatorCode: STAFF.code, comparator: 'change_by', value: -10, baselineYear: 2024 },
      STAFF,
      points(['2024', 0], ['2026', 5]),
      at2026,
      { status: 'not_applicable', explanation: /bằng 0/ },
    ],
    [
      'change_by no current result → no data',
      { indicatorCode: STAFF.code, comparator: 'change_by', value: -10, baselineYear: 2024 },
      STAFF,
      points(['2027', 180]),
      at2026,
      { status: 'no_data', actual: null },
    ],
    [
      'change_by blank value → not applicable',
      { indicatorCode: STAFF.code, comparator: 'change_by', value: null, baselineYear: 2024 },
      STAFF,
      points(['2024', 200], ['2026', 180]),
      at2026,
      { status: 'not_applicable' },
    ],

    // improve
    [
      'improve met (higher is better)',
      { comparator: 'improve', value: null, baselineYear: 2024 },
      ONTIME,
      points(['2024', 80], ['2026', 80.1]),
      at2026,
      { status: 'met', ratio: null, gap: null, explanation: /^Đã cải thiện/ },
    ],
    [
      'improve not met when equal after rounding',
      { comparator: 'improve', value: null, baselineYear: 2024 },
      ONTIME,
      points(['2024', 80], ['2026', 80.04]),
      at2026,
      { status: 'not_met', explanation: /^Chưa cải thiện/ },
    ],
    [
      'improve met (lower is better)',
      { indicatorCode: LATE.code, comparator: 'improve', value: null, baselineYear: 2024 },
      LATE,
      points(['2024', 5], ['2026', 4]),
      at2026,
      { status: 'met' },
    ],
    [
      'improve not met (lower is better, went up)',
      { indicatorCode: LATE.code, comparator: 'improve', value: null, baselineYear: 2024 },
      LATE,
      points(['2024', 5], ['2026', 6]),
      at2026,
      { status: 'not_met' },
    ],
    [
      'improve on track',
      { comparator: 'improve', value: null, baselineYear: 2024, dueYear: 2027 },
      ONTIME,
      points(['2024', 80], ['2025', 82]),
      at2025,
      { status: 'on_track' },
    ],
    [
      'improve off track',
      { comparator: 'improve', value: null, baselineYear: 2024, dueYear: 2027 },
      ONTIME,
      points(['2024', 80], ['2025', 79]),
      at2025,
      { status: 'off_track' },
    ],
    [
      'improve baseline from context',
      { comparator: 'improve', value: null, baselineYear: 2024 },
      ONTIME,
      points(['2026', 81]),
      { asOf: '2026', baselineValue: 82 },
      { status: 'not_met' },
    ],
    [
      'improve no baseline',
      { comparator: 'improve', value: null, baselineYear: 2024 },
      ONTIME,
      points(['2026', 81]),
      at2026,
      { status: 'no_data' },
    ],
    [
      'improve no result',
      { comparator: 'improve', value: null, baselineYear: 2024 },
      ONTIME,
      points(['2024', 80]),
      { asOf: '2023' },
      { status: 'no_data', actual: null },
    ],

    // milestone
    [
      'milestone met (bool 1)',
      { indicatorCode: DONE.code, unit: 'bool', comparator: 'milestone', value: null },
      DONE,
      points(['2026', 1]),
      at2026,
      { status: 'met', ratio: null, gap: null, explanation: /^Đã hoàn thành/ },
    ],
    [
      'milestone not met (bool 0)',
      { indicatorCode: DONE.code, unit: 'bool', comparator: 'milestone', value: null },
      DONE,
      points(['2026', 0]),
      at2026,
      { status: 'not_met', explanation: /^Chưa hoàn thành/ },
    ],
    [
      'milestone done before due → on track',
      {
        indicatorCode: DONE.code,
        unit: 'bool',
        comparator: 'milestone',
        value: null,
        dueYear: 2027,
      },
      DONE,
      points(['2025', 1]),
      at2025,
      { status: 'on_track' },
    ],
    [
      'milestone not done before due → off track',
      {
        indicatorCode: DONE.code,
        unit: 'bool',
        comparator: 'milestone',
        value: null,
        dueYear: 2027,
      },
      DONE,
      points(['2025', 0]),
      at2025,
      { status: 'off_track' },
    ],
    [
      'milestone no data',
      { indicatorCode: DONE.code, unit: 'bool', comparator: 'milestone', value: null },
      DONE,
      [],
      at2026,
      { status: 'no_data' },
    ],
    [
      'milestone on a percent indicator: 100% is done',
      { indicatorCode: REORG.code, unit: 'bool', comparator: 'milestone', value: null },
      REORG,
      points(['2026', 99.96]),
      at2026,
      { status: 'met', actual: 100 },
    ],
    [
      'milestone on a percent indicator: 99,9% is not done',
      { indicatorCode: REORG.code, unit: 'bool', comparator: 'milestone', value: null },
      REORG,
      points(['2026', 99.9]),
      at2026,
      { status: 'not_met' },
    ],
    [
      'milestone without indicator: value ≥ 1 is done',
      { indicatorCode: null, unit: 'bool', comparator: 'milestone', value: null },
      undefined,
      points(['2026', 1]),
      at2026,
      { status: 'met' },
    ],

    // top_n
    [
      'top_n met at the boundary',
      {
        indicatorCode: DTI.code,
        unit: 'rank',
        comparator: 'top_n',
        value: 10,
        cohort: { unitTypes: ['xa'], classes: ['I'] },
      },
      DTI,
      [],
      { asOf: '2026', rankAt: ranks({ '2026': { rank: 10, size: 40 } }) },
      {
        status: 'met',
        actual: 10,
        actualPeriod: '2026',
        ratio: null,
        gap: null,
        explanation: /hạng 10\/40 trong nhóm xã loại I.*top 10/,
      },
    ],
    [
      'top_n not met',
      { indicatorCode: DTI.code, unit: 'rank', comparator: 'top_n', value: 10 },
      DTI,
      [],
      { asOf: '2026', rankAt: ranks({ '2026': { rank: 11, size: 40 } }) },
      { status: 'not_met', actual: 11 },
    ],
    [
      'top_n on track (in the top now)',
      { indicatorCode: DTI.code, unit: 'rank', comparator: 'top_n', value: 10, dueYear: 2027 },
      DTI,
      [],
      { asOf: '2026', rankAt: ranks({ '2026': { rank: 3, size: 40 } }) },
      { status: 'on_track' },
    ],
    [
      'top_n off track (not in the top now)',
      { indicatorCode: DTI.code, unit: 'rank', comparator: 'top_n', value: 10, dueYear: 2027 },
      DTI,
      [],
      { asOf: '2026', rankAt: ranks({ '2026': { rank: 12, size: 40 } }) },
      { status: 'off_track' },
    ],
    [
      'top_n not ranked → no data',
      { indicatorCode: DTI.code, unit: 'rank', comparator: 'top_n', value: 10 },
      DTI,
      [],
      { asOf: '2026', rankAt: ranks({}) },
      { status: 'no_data' },
    ],
    [
      'top_n without rankAt → no data',
      { indicatorCode: DTI.code, unit: 'rank', comparator: 'top_n', value: 10 },
      DTI,
      [],
      at2026,
      { status: 'no_data' },
    ],
    [
      'top_n blank → not applicable',
      { indicatorCode: DTI.code, unit: 'rank', comparator: 'top_n', value: null },
      DTI,
      [],
      { asOf: '2026', rankAt: ranks({ '2026': { rank: 1, size: 40 } }) },
      { status: 'not_applicable' },
    ],

    // better_rank
    [
      'better_rank met (12 → 8, baseline rank from rankAt)',
      {
        indicatorCode: DTI.code,
        unit: 'rank',
        comparator: 'better_rank',
        value: null,
        baselineYear: 2024,
      },
      DTI,
      [],
      {
        asOf: '2026',
        rankAt: ranks({ '2024': { rank: 12, size: 40 }, '2026': { rank: 8, size: 40 } }),
      },
      { status: 'met', actual: 8, ratio: null, gap: null, explanation: /cao hơn hạng 12 năm 2024/ },
    ],
    [
      'better_rank not met when equal',
      {
        indicatorCode: DTI.code,
        unit: 'rank',
        comparator: 'better_rank',
        value: null,
        baselineYear: 2024,
      },
      DTI,
      [],
      {
        asOf: '2026',
        rankAt: ranks({ '2024': { rank: 12, size: 40 }, '2026': { rank: 12, size: 40 } }),
      },
      { status: 'not_met' },
    ],
    [
      'better_rank context baseline rank wins',
      {
        indicatorCode: DTI.code,
        unit: 'rank',
        comparator: 'better_rank',
        value: null,
        baselineYear: 2024,
      },
      DTI,
      [],
      {
        asOf: '2026',
        baselineRank: 5,
        rankAt: ranks({ '2024': { rank: 12, size: 40 }, '2026': { rank: 8, size: 40 } }),
      },
      { status: 'not_met' },
    ],
    [
      'better_rank on track',
      {
        indicatorCode: DTI.code,
        unit: 'rank',
        comparator: 'better_rank',
        value: null,
        baselineYear: 2024,
        dueYear: 2027,
      },
      DTI,
      [],
      {
        asOf: '2026',
        rankAt: ranks({ '2024': { rank: 12, size: 40 }, '2026': { rank: 9, size: 40 } }),
      },
      { status: 'on_track' },
    ],
    [
      'better_rank off track',
      {
        indicatorCode: DTI.code,
        unit: 'rank',
        comparator: 'better_rank',
        value: null,
        baselineYear: 2024,
        dueYear: 2027,
      },
      DTI,
      [],
      {
        asOf: '2026',
        rankAt: ranks({ '2024': { rank: 12, size: 40 }, '2026': { rank: 15, size: 40 } }),
      },
      { status: 'off_track' },
    ],
    [
      'better_rank no baseline rank → no data',
      {
        indicatorCode: DTI.code,
        unit: 'rank',
        comparator: 'better_rank',
        value: null,
        baselineYear: 2024,
      },
      DTI,
      [],
      { asOf: '2026', rankAt: ranks({ '2026': { rank: 8, size: 40 } }) },
      { status: 'no_data', actual: 8 },
    ],
    [
      'better_rank not ranked now → no data',
      {
        indicatorCode: DTI.code,
        unit: 'rank',
        comparator: 'better_rank',
        value: null,
        baselineYear: 2024,
      },
      DTI,
      [],
      { asOf: '2026', rankAt: ranks({ '2024': { rank: 12, size: 40 } }) },
      { status: 'no_data', actual: null },
    ],
  ])('%s', (...row) => check(row));
});

describe('evaluateTarget: the progress line before the due year', () => {
  it.each<Case>([
    // Quarters: line from 60 (end Q1 2025) to 90 (end 2026): at end Q3 2025, 60 + 30 × 0,5/1,75 = 68,6.
    [
      'quarterly results, on track',
      { comparator: 'gte', value: 90 },
      ONTIME,
      points(['2025-Q1', 60], ['2025-Q3', 68.6]),
      { asOf: '2025-Q3' },
      { status: 'on_track', explanation: /lộ trình là 68,6%/ },
    ],
    [
      'quarterly results, off track',
      { comparator: 'gte', value: 90 },
      ONTIME,
      points(['2025-Q1', 60], ['2025-Q3', 68.5]),
      { asOf: '2025-Q3' },
      { status: 'off_track' },
    ],
    // The baseline value (at the end of the baseline year) replaces the first result as the start.
    [
      'baseline value starts the line',
      { comparator: 'gte', value: 90, baselineYear: 2024 },
      ONTIME,
      points(['2025', 75]),
      { asOf: '2025', baselineValue: 50 },
      { status: 'on_track', explanation: /lộ trình là 70,0%.*năm gốc 2024/ },
    ],
    [
      'baseline value starts the line (off)',
      { comparator: 'gte', value: 90, baselineYear: 2024 },
      ONTIME,
      points(['2025', 75]),
      { asOf: '2025', baselineValue: 70 },
      { status: 'off_track', explanation: /lộ trình là 80,0%/ },
    ],
    // One result and no baseline: the line starts at that result, so it is on the line.
    [
      'single result, no baseline',
      { comparator: 'gte', value: 90, dueYear: 2028 },
      ONTIME,
      points(['2025', 50]),
      at2025,
      { status: 'on_track', explanation: /kết quả đầu tiên/ },
    ],
    // Results after asOf are ignored for the start as for the actual.
    [
      'later results ignored',
      { comparator: 'gte', value: 90 },
      ONTIME,
      points(['2024', 70], ['2025', 81], ['2026', 10]),
      at2025,
      { status: 'on_track', actual: 81 },
    ],
    // asOf in the due year (a quarter): judged as met / not met.
    [
      'a quarter of the due year is judged',
      { comparator: 'gte', value: 90 },
      ONTIME,
      points(['2026-Q1', 85]),
      { asOf: '2026-Q1' },
      { status: 'not_met' },
    ],
  ])('%s', (...row) => check(row));
});

describe('comparatorSense', () => {
  it.each([
    ['gte', 'higher_better', 'at_least'],
    ['gte', 'lower_better', 'at_least'],
    ['gt', 'higher_better', 'at_least'],
    ['eq', 'higher_better', 'at_least'],
    ['eq', 'lower_better', 'at_most'],
    ['lte', 'higher_better', 'at_most'],
    ['lt', 'lower_better', 'at_most'],
    ['level_gte', 'higher_better', 'at_least'],
    ['count_gte', 'higher_better', 'at_least'],
    ['top_n', 'higher_better', null],
    ['change_by', 'higher_better', null],
    ['milestone', 'higher_better', null],
  ] as const)('%s on %s → %s', (comparator, direction, sense) => {
    expect(comparatorSense(comparator, direction)).toBe(sense);
  });
});

describe('evaluateTarget: input errors', () => {
  it('rejects an invalid asOf period', () => {
    expect(() => evaluateTarget(buildTarget(), ONTIME, [], { asOf: '2026-Q5' })).toThrow(
      expect.objectContaining({ code: 'invalid_period' }) as Error,
    );
  });
});
