/**
 * A ranking report as format-neutral content: header, title, columns, method note, left-out units.
 * The rows are the view's rows as given (never re-ranked, re-sorted or copied).
 */
import {
  describeCohortVi,
  DomainError,
  formatPeriodVi,
  type TIndicatorUnit,
  type TRankedRow,
  type TRankingView,
} from '@commune-bench/domain';
import {
  COMPOSITE_NAME_VI,
  DEMO_NOTICE_VI,
  describeRoundingVi,
  EXCLUDED_REASON_VI,
  formatChangeMark,
  formatDateTimeVi,
  formatPlaceDateVi,
  PROVISIONAL_NOTE_VI,
  RESULT_STATUS_VI,
  TIE_RULE_VI,
} from './labels.js';
import { parseContext } from './parse-context.js';
import type { ReportContext } from './report-context.schema.js';

export interface DocumentHeader {
  /** The issuing body, one entry a line. */
  readonly issuingBodyLines: readonly string[];
  /** `Hà Nội, ngày 12 tháng 6 năm 2026`. */
  readonly placeDate: string;
}

export interface MethodLine {
  readonly label: string;
  readonly value: string;
}

export interface RankingIndicatorDisplay {
  readonly code: string;
  readonly nameVi: string;
  readonly unit: TIndicatorUnit;
  /** Decimals the ranking rounded to (the view's method). */
  readonly precision: number;
  readonly isComposite: boolean;
}

export interface ExcludedLine {
  readonly unitId: string;
  readonly unitName: string;
  readonly reason: string;
}

export interface RankingReportModel {
  readonly context: ReportContext;
  readonly header: DocumentHeader;
  readonly title: string;
  /** Lines under the title: indicator and period, cohort, demo notice. */
  readonly subtitles: readonly string[];
  readonly indicator: RankingIndicatorDisplay;
  /** Header of the value column: `Giá trị (%)`, `Điểm`, … */
  readonly valueHeader: string;
  readonly rows: readonly TRankedRow[];
  readonly total: number;
  readonly method: readonly MethodLine[];
  readonly excluded: readonly ExcludedLine[];
  /** Legend of highlights and marks, only those that occur. */
  readonly legend: readonly string[];
  readonly isDemo: boolean;
}

export const RANKING_COLUMN_HEADERS = {
  rank: 'Hạng',
  unit: 'Đơn vị',
  value: 'Giá trị',
  previousRank: 'Hạng kỳ trước',
  change: 'Thay đổi',
  note: 'Ghi chú',
} as const;

export function documentHeader(context: { issuingBody: string; place: string; date: string }) {
  return {
    issuingBodyLines: context.issuingBody
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line.length > 0),
    placeDate: formatPlaceDateVi(context.place, context.date),
  } satisfies DocumentHeader;
}

function indicatorDisplay(view: TRankingView, context: ReportContext): RankingIndicatorDisplay {
  const { indicator } = context;
  if (indicator === 'composite') {
    return {
      code: view.method.indicator,
      nameVi: COMPOSITE_NAME_VI,
      unit: 'score',
      precision: view.method.precision,
      isComposite: true,
    };
  }
  if (indicator.code !== view.method.indicator) {
    throw new DomainError(
      'invalid_argument',
      `Chỉ số của báo cáo (${indicator.code}) khác chỉ số của bảng xếp hạng (${view.method.indicator}).`,
      { reportIndicator: indicator.code, rankingIndicator: view.method.indicator },
    );
  }
  return {
    code: indicator.code,
    nameVi: indicator.nameVi,
    unit: indicator.unit,
    precision: view.method.precision,
    isComposite: false,
  };
}

const VALUE_HEADER_SUFFIX: Readonly<Record<TIndicatorUnit, string>> = {
  percent: ' (%)',
  score: ' (điểm)',
  count: '',
  level: ' (cấp độ)',
  rank: ' (thứ hạng)',
  bool: ' (1 = hoàn thành)',
};

/** `Hà Nội` for `HNI` when the context names it. */
export function provinceNameLookup(
  names: Readonly<Record<string, string>> | undefined,
): (code: string) => string | undefined {
  return (code) => (names !== undefined && Object.hasOwn(names, code) ? names[code] : undefined);
}

export function buildRankingModel(view: TRankingView, rawContext: unknown): RankingReportModel {
  const context = parseContext(rawContext);
  const indicator = indicatorDisplay(view, context);
  const { method } = view;
  const cohort = describeCohortVi(method.cohort, {
    provinceName: provinceNameLookup(context.provinceName),
  });
  const period = formatPeriodVi(method.period);
  const isDemo = context.isDemo === true;

  const subtitles = [
    `${indicator.nameVi} – ${period}`,
    `Nhóm so sánh: ${cohort}`,
    ...(isDemo ? [`${DEMO_NOTICE_VI}: số liệu trong báo cáo không phải số liệu thật`] : []),
  ];

  const shown =
    view.rows.length === view.total
      ? `${view.total} đơn vị được xếp hạng`
      : `${view.rows.length} trong số ${view.total} đơn vị được xếp hạng (bảng chỉ hiển thị một phần)`;
  const methodLines: MethodLine[] = [
    {
      label: 'Chỉ số',
      value: indicator.isComposite
        ? `${COMPOSITE_NAME_VI} (0–100): trung bình có trọng số theo lĩnh vực của mức độ đạt từng chỉ tiêu đến hạn trong kỳ, mỗi chỉ tiêu tối đa 1`
        : `${indicator.nameVi} (${indicator.code})`,
    },
    { label: 'Kỳ xếp hạng', value: period },
    {
      label: 'So sánh với kỳ trước',
      value:
        method.previousPeriod === null
          ? 'Không so sánh với kỳ trước'
          : `${formatPeriodVi(method.previousPeriod)}, cùng nhóm so sánh`,
    },
    { label: 'Nhóm so sánh', value: cohort },
    {
      label: 'Chiều xếp hạng',
      value:
        method.direction === 'higher_better'
          ? 'Giá trị cao hơn xếp trên'
          : 'Giá trị thấp hơn xếp trên',
    },
    {
      label: 'Quy tắc đồng hạng',
      value: `${TIE_RULE_VI[method.ties]}; trong cùng hạng, đơn vị được liệt kê theo tên (thứ tự chữ cái tiếng Việt)`,
    },
    { label: 'Làm tròn', value: describeRoundingVi(method.precision) },
    {
      label: 'Số liệu được tính',
      value:
        method.statusesCounted.length === 0
          ? 'Không có'
          : method.statusesCounted.map((status) => RESULT_STATUS_VI[status]).join('; ') +
            (method.statusesCounted.includes('submitted')
              ? `; số liệu chưa thẩm định được ghi "${PROVISIONAL_NOTE_VI}"`
              : ''),
    },
    {
      label: 'Số đơn vị',
      value: `${shown}; ${view.excluded.length} đơn vị không được xếp hạng (liệt kê riêng)`,
    },
    {
      label: 'Nguồn số liệu',
      value: isDemo
        ? `${context.dataSource} (${DEMO_NOTICE_VI.toLowerCase()})`
        : context.dataSource,
    },
    { label: 'Thời điểm lập', value: formatDateTimeVi(context.generatedAt) },
    { label: 'Người lập', value: context.generatedBy },
  ];
  if (indicator.isComposite) {
    methodLines.push({
      label: 'Lưu ý',
      value:
        'Điểm tổng hợp đo mức độ mỗi đơn vị thực hiện chỉ tiêu của chính mình; cần xem cùng bảng xếp hạng theo giá trị thực tế, vì đơn vị đặt chỉ tiêu thấp vẫn có thể đạt điểm cao',
    });
  }

  const legend: string[] = [];
  const ownRow =
    context.ownUnitId === undefined
      ? undefined
      : view.rows.find((row) => row.unitId === context.ownUnitId);
  if (ownRow !== undefined) legend.push(`Chữ đậm, nền vàng: đơn vị của bạn (${ownRow.unitName})`);
  if (context.topN !== undefined && view.rows.some((row) => row.rank <= (context.topN ?? 0)))
    legend.push(`Nền xanh: nhóm ${context.topN} hạng đầu`);
  if (view.rows.some((row) => row.change !== null || row.isNew))
    legend.push('Thay đổi: ▲ lên hạng, ▼ xuống hạng, = giữ hạng, "mới": kỳ trước chưa xếp hạng');
  if (view.rows.some((row) => row.provisional))
    legend.push(`${PROVISIONAL_NOTE_VI}: số liệu đã gửi nhưng chưa được thẩm định`);

  return {
    context,
    header: documentHeader(context),
    title: context.title ?? 'BẢNG XẾP HẠNG',
    subtitles,
    indicator,
    valueHeader: indicator.isComposite
      ? 'Điểm (0–100)'
      : `Giá trị${VALUE_HEADER_SUFFIX[indicator.unit]}`,
    rows: view.rows,
    total: view.total,
    method: methodLines,
    excluded: view.excluded.map((row) => ({
      unitId: row.unitId,
      unitName: row.unitName,
      reason: EXCLUDED_REASON_VI[row.reason],
    })),
    legend,
    isDemo,
  };
}

export type RowHighlight = 'own' | 'top' | null;

export function rowHighlight(
  row: Pick<TRankedRow, 'unitId' | 'rank'>,
  context: Pick<ReportContext, 'ownUnitId' | 'topN'>,
): RowHighlight {
  if (context.ownUnitId !== undefined && row.unitId === context.ownUnitId) return 'own';
  if (context.topN !== undefined && row.rank <= context.topN) return 'top';
  return null;
}

/** The "Ghi chú" of a ranked row. */
export function rowNote(row: Pick<TRankedRow, 'provisional'>): string {
  return row.provisional ? PROVISIONAL_NOTE_VI : '';
}

export { formatChangeMark };
