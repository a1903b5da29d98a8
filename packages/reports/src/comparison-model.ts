/** A comparison report as format-neutral content: per reform area, a row per indicator, a cell per unit. */
import {
  DEFAULT_PRECISION,
  findIndicator,
  formatIndicatorValue,
  formatPeriodVi,
  formatTargetVi,
  formatUnitNameVi,
  REFORM_AREA_NAMES_VI,
  REFORM_AREAS,
  type TAttainmentStatus,
  type TComparisonCell,
  type TComparisonView,
  type TIndicatorUnit,
  type TReformArea,
} from '@commune-bench/domain';
import {
  ATTAINMENT_STATUS_VI,
  DEMO_NOTICE_VI,
  formatDateTimeVi,
  LEAST_AMBITIOUS_VI,
  MOST_AMBITIOUS_VI,
} from './labels.js';
import { parseComparisonContext } from './parse-context.js';
import {
  documentHeader,
  provinceNameLookup,
  type DocumentHeader,
  type MethodLine,
} from './ranking-model.js';
import type { ComparisonReportContext } from './report-context.schema.js';

export type Ambition = 'most' | 'least' | null;

export interface ComparisonCellText {
  readonly unitId: string;
  readonly hasTarget: boolean;
  /** `tối thiểu 90,0% đến năm 2026`, or `Không có chỉ tiêu`. */
  readonly target: string;
  /** `92,0% (năm 2025)`, `Chưa có số liệu`, or `` without a target. */
  readonly result: string;
  /** `Đạt`, `Chậm tiến độ`, …, or `` without a target. */
  readonly status: string;
  readonly statusCode: TAttainmentStatus | null;
  readonly ambition: Ambition;
  /** The domain's explanation of the attainment, or ``. */
  readonly explanation: string;
}

export interface ComparisonIndicatorRow {
  readonly indicatorCode: string;
  readonly indicatorName: string;
  readonly cells: readonly ComparisonCellText[];
}

export interface ComparisonAreaGroup {
  readonly area: TReformArea;
  /** `Cải cách thủ tục hành chính`. */
  readonly areaName: string;
  /** `II. Cải cách thủ tục hành chính` (the area's number in the plans' order). */
  readonly heading: string;
  readonly rows: readonly ComparisonIndicatorRow[];
}

export interface ComparisonUnitHeading {
  readonly id: string;
  /** `Xã Ô Diên`. */
  readonly name: string;
  /** `Hà Nội` when known. */
  readonly province: string | null;
  readonly isOwn: boolean;
}

export interface ComparisonReportModel {
  readonly context: ComparisonReportContext;
  readonly header: DocumentHeader;
  readonly title: string;
  readonly subtitles: readonly string[];
  readonly units: readonly ComparisonUnitHeading[];
  readonly groups: readonly ComparisonAreaGroup[];
  readonly method: readonly MethodLine[];
  readonly legend: readonly string[];
  readonly isDemo: boolean;
  /** More than 3 units: PDF and DOCX pages are landscape. */
  readonly landscape: boolean;
}

export const COMPARISON_CELL_HEADERS = {
  target: 'Chỉ tiêu',
  result: 'Kết quả',
  status: 'Mức độ đạt',
} as const;
export const COMPARISON_INDICATOR_HEADER = 'Chỉ số';
export const NO_TARGET_VI = 'Không có chỉ tiêu';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'] as const;

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

function cellText(
  cell: TComparisonCell,
  display: { unit: TIndicatorUnit; precision: number } | undefined,
): ComparisonCellText {
  const { target, attainment } = cell;
  const ambition: Ambition = cell.mostAmbitious ? 'most' : cell.leastAmbitious ? 'least' : null;
  if (target === null) {
    return {
      unitId: cell.unitId,
      hasTarget: false,
      target: NO_TARGET_VI,
      result: '',
      status: '',
      statusCode: null,
      ambition,
      explanation: '',
    };
  }
  const shown = display ?? { unit: target.unit, precision: DEFAULT_PRECISION };
  const commitment = `${target.aspirational ? 'phấn đấu ' : ''}${formatTargetVi(target, shown)} đến năm ${target.dueYear}`;
  let result = ATTAINMENT_STATUS_VI.no_data;
  if (attainment !== null && attainment.actual !== null) {
    const value =
      target.comparator === 'top_n' || target.comparator === 'better_rank'
        ? `hạng ${attainment.actual}`
        : formatIndicatorValue(attainment.actual, shown);
    result =
      attainment.actualPeriod === null
        ? value
        : `${value} (${formatPeriodVi(attainment.actualPeriod)})`;
  }
  return {
    unitId: cell.unitId,
    hasTarget: true,
    target: capitalise(commitment),
    result,
    status:
      attainment === null ? ATTAINMENT_STATUS_VI.no_data : ATTAINMENT_STATUS_VI[attainment.status],
    statusCode: attainment?.status ?? null,
    ambition,
    explanation: attainment?.explanation ?? '',
  };
}

/** `Tối thiểu 90,0% đến năm 2026 (cao nhất)`. */
export function targetWithAmbition(cell: ComparisonCellText): string {
  if (cell.ambition === 'most') return `${cell.target} (${MOST_AMBITIOUS_VI})`;
  if (cell.ambition === 'least') return `${cell.target} (${LEAST_AMBITIOUS_VI})`;
  return cell.target;
}

export function buildComparisonModel(
  view: TComparisonView,
  rawContext: unknown,
): ComparisonReportModel {
  const context = parseComparisonContext(rawContext);
  const provinceName = provinceNameLookup(context.provinceName);
  const isDemo = context.isDemo === true;
  const period = formatPeriodVi(view.period);

  const units: ComparisonUnitHeading[] = view.units.map((unit) => ({
    id: unit.id,
    name: capitalise(formatUnitNameVi(unit)),
    province:
      unit.provinceCode === null ? null : (provinceName(unit.provinceCode) ?? unit.provinceCode),
    isOwn: context.ownUnitId !== undefined && unit.id === context.ownUnitId,
  }));

  const groups: ComparisonAreaGroup[] = [];
  for (const area of REFORM_AREAS) {
    const rows = view.rows.filter((row) => row.area === area);
    if (rows.length === 0) continue;
    groups.push({
      area,
      areaName: REFORM_AREA_NAMES_VI[area],
      heading: `${ROMAN[REFORM_AREAS.indexOf(area)] ?? ''}. ${REFORM_AREA_NAMES_VI[area]}`,
      rows: rows.map((row) => {
        const indicator = findIndicator(row.indicatorCode);
        const display =
          indicator === undefined
            ? undefined
            : { unit: indicator.unit, precision: indicator.precision };
        // One cell per unit, in the view's unit order, whatever order the row lists them in.
        const cells: ComparisonCellText[] = view.units.map((unit) => {
          const cell = row.cells.find((candidate) => candidate.unitId === unit.id);
          return cellText(
            cell ?? {
              unitId: unit.id,
              target: null,
              attainment: null,
              mostAmbitious: false,
              leastAmbitious: false,
            },
            display,
          );
        });
        return {
          indicatorCode: row.indicatorCode,
          indicatorName: indicator?.nameVi ?? row.indicatorCode,
          cells,
        };
      }),
    });
  }

  const subtitles = [
    `Kỳ đánh giá: ${period}`,
    `Đơn vị so sánh: ${view.units.map((unit) => formatUnitNameVi(unit)).join('; ')}`,
    ...(isDemo ? [`${DEMO_NOTICE_VI}: số liệu trong báo cáo không phải số liệu thật`] : []),
  ];

  const method: MethodLine[] = [
    { label: 'Kỳ đánh giá', value: period },
    {
      label: 'Đơn vị so sánh',
      value: units
        .map((unit) => (unit.province === null ? unit.name : `${unit.name} (${unit.province})`))
        .join('; '),
    },
    {
      label: 'Chỉ tiêu được so sánh',
      value:
        'Mỗi đơn vị được so sánh theo chỉ tiêu của kế hoạch đến hạn sớm nhất kể từ năm của kỳ đánh giá (nếu mọi chỉ tiêu đã đến hạn: chỉ tiêu đến hạn muộn nhất); chỉ tiêu không gắn với chỉ số trong danh mục không được so sánh',
    },
    {
      label: 'Mức độ đạt',
      value:
        'Từ năm đến hạn: Đạt / Không đạt; trước năm đến hạn: Đúng tiến độ / Chậm tiến độ so với lộ trình đều từ năm gốc (hoặc kết quả đầu tiên) đến chỉ tiêu; kết quả là số liệu gần nhất đến hết kỳ đánh giá, làm tròn theo độ chính xác của chỉ số',
    },
    {
      label: 'Mức phấn đấu',
      value: `"(${MOST_AMBITIOUS_VI})" / "(${LEAST_AMBITIOUS_VI})": chỉ tiêu có mức phấn đấu cao nhất / thấp nhất giữa các đơn vị có chỉ tiêu so sánh được (theo chiều của chỉ số)`,
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

  const legend: string[] = [];
  const own = units.find((unit) => unit.isOwn);
  if (own !== undefined) legend.push(`Chữ đậm: đơn vị của bạn (${own.name})`);
  const cells = groups.flatMap((group) => group.rows.flatMap((row) => row.cells));
  if (cells.some((cell) => cell.ambition !== null))
    legend.push(
      `(${MOST_AMBITIOUS_VI}) / (${LEAST_AMBITIOUS_VI}): mức phấn đấu cao nhất / thấp nhất giữa các đơn vị`,
    );

  return {
    context,
    header: documentHeader(context),
    title: context.title ?? 'BẢNG SO SÁNH CHỈ TIÊU KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH',
    subtitles,
    units,
    groups,
    method,
    legend,
    isDemo,
    landscape: units.length > 3,
  };
}
