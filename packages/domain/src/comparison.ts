/** Side-by-side comparison of several units' targets and attainment for one period. */
import { INDICATOR_CATALOG } from './catalog.js';
import { DomainError } from './errors.js';
import {
  comparatorSense,
  DEFAULT_PRECISION,
  evaluateTarget,
  type TRankPosition,
  type TSeriesPoint,
} from './evaluate.js';
import { roundTo } from './format.js';
import { parsePeriod } from './period.js';
import {
  REFORM_AREAS,
  type TCohortRule,
  type TComparisonCell,
  type TComparisonRow,
  type TComparisonView,
  type TIndicator,
  type TReformArea,
  type TTarget,
  type TUnitType,
} from './schemas.js';

export interface TComparisonUnit {
  readonly id: string;
  readonly name: string;
  readonly type: TUnitType;
  readonly provinceCode: string | null;
}

export interface TComparisonInput {
  readonly period: string;
  readonly units: readonly TComparisonUnit[];
  readonly targetsByUnit: ReadonlyMap<string, readonly TTarget[]>;
  readonly seriesByUnit: ReadonlyMap<string, ReadonlyMap<string, readonly TSeriesPoint[]>>;
  readonly indicators: (code: string) => TIndicator | undefined;
  readonly rankAt?: (
    unitId: string,
    indicatorCode: string,
    period: string,
    cohort: TCohortRule | null,
  ) => TRankPosition | null;
}

type IndicatorRules = Pick<TIndicator, 'direction' | 'precision'>;

const CATALOG_POSITION = new Map(
  INDICATOR_CATALOG.map((indicator, index) => [indicator.code, index]),
);

/**
 * The target a unit is compared on when it has several for one indicator: the one due soonest in or
 * after `year`; if all are due before, the latest due. Equal due years: the first in the plan's order.
 */
export function pickTargetForYear(targets: readonly TTarget[], year: number): TTarget | null {
  let best: TTarget | null = null;
  for (const target of targets) {
    if (best === null) {
      best = target;
      continue;
    }
    const bestUpcoming = best.dueYear >= year;
    const upcoming = target.dueYear >= year;
    if (upcoming !== bestUpcoming) {
      if (upcoming) best = target;
    } else if (upcoming ? target.dueYear < best.dueYear : target.dueYear > best.dueYear) {
      best = target;
    }
  }
  return best;
}

/**
 * Which targets can be compared for ambition, and how: at-least targets (gte, gt, level_gte, count_gte,
 * eq on a higher-is-better indicator) — higher is more ambitious; at-most targets (lte, lt, eq on a
 * lower-is-better indicator) — lower is more ambitious; top_n within the same cohort — smaller N is more
 * ambitious. Other comparators and blank values are not compared.
 */
function ambitionGroup(
  target: TTarget,
  indicator: IndicatorRules,
): { key: string; higherIsMoreAmbitious: boolean } | null {
  if (target.value === null) return null;
  if (target.comparator === 'top_n')
    return { key: `top_n:${canonicalJson(target.cohort)}`, higherIsMoreAmbitious: false };
  const sense = comparatorSense(target.comparator, indicator.direction);
  if (sense === null) return null;
  return { key: sense, higherIsMoreAmbitious: sense === 'at_least' };
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Marks most/least ambitious cells within each group of comparable targets with at least two different values. */
function markAmbition(cells: TComparisonCell[], indicator: IndicatorRules): void {
  const groups = new Map<
    string,
    { higherIsMoreAmbitious: boolean; members: { cell: TComparisonCell; value: number }[] }
  >();
  for (const cell of cells) {
    if (cell.target === null) continue;
    const group = ambitionGroup(cell.target, indicator);
    if (group === null || cell.target.value === null) continue;
    const precision = cell.target.comparator === 'top_n' ? 0 : indicator.precision;
    const entry = groups.get(group.key) ?? {
      higherIsMoreAmbitious: group.higherIsMoreAmbitious,
      members: [],
    };
    entry.members.push({ cell, value: roundTo(cell.target.value, precision) });
    groups.set(group.key, entry);
  }
  for (const { higherIsMoreAmbitious, members } of groups.values()) {
    const values = members.map((member) => member.value);
    const max = Math.max(...values);
    const min = Math.min(...values);
    if (members.length < 2 || max === min) continue;
    const most = higherIsMoreAmbitious ? max : min;
    const least = higherIsMoreAmbitious ? min : max;
    for (const member of members) {
      if (member.value === most) member.cell.mostAmbitious = true;
      if (member.value === least) member.cell.leastAmbitious = true;
    }
  }
}

function areaOf(code: string, indicator: TIndicator | undefined): TReformArea {
  if (indicator !== undefined) return indicator.area;
  const prefix = code.split('.')[0];
  const area = REFORM_AREAS.find((candidate) => candidate === prefix);
  if (area === undefined)
    throw new DomainError('unknown_indicator', `Không tìm thấy chỉ số "${code}" trong danh mục.`, {
      indicatorCode: code,
    });
  return area;
}

/**
 * One row per indicator any unit targets (targets without an indicator code are left out), ordered by
 * reform area, then catalog order, then code; one cell per unit in the given order. A unit with several
 * targets for an indicator is compared on {@link pickTargetForYear}; units without one are listed in
 * `unitsWithoutTarget` and get an empty cell. An indicator missing from `indicators` is evaluated with the
 * defaults (precision 2, higher is better) when its code names a reform area; else `unknown_indicator`.
 */
export function buildComparison(input: TComparisonInput): TComparisonView {
  const period = parsePeriod(input.period);
  const codes = new Set<string>();
  for (const unit of input.units) {
    for (const target of input.targetsByUnit.get(unit.id) ?? []) {
      if (target.indicatorCode !== null) codes.add(target.indicatorCode);
    }
  }

  const indicatorRows = [...codes].map((code) => {
    const indicator = input.indicators(code);
    return { code, indicator, area: areaOf(code, indicator) };
  });
  indicatorRows.sort(
    (a, b) =>
      REFORM_AREAS.indexOf(a.area) - REFORM_AREAS.indexOf(b.area) ||
      (CATALOG_POSITION.get(a.code) ?? Number.MAX_SAFE_INTEGER) -
        (CATALOG_POSITION.get(b.code) ?? Number.MAX_SAFE_INTEGER) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );

  const rows: TComparisonRow[] = indicatorRows.map(({ code, indicator, area }) => {
    const unitsWithoutTarget: string[] = [];
    const cells: TComparisonCell[] = input.units.map((unit) => {
      const candidates = (input.targetsByUnit.get(unit.id) ?? []).filter(
        (target) => target.indicatorCode === code,
      );
      const target = pickTargetForYear(candidates, period.year);
      if (target === null) {
        unitsWithoutTarget.push(unit.id);
        return {
          unitId: unit.id,
          target: null,
          attainment: null,
          mostAmbitious: false,
          leastAmbitious: false,
        };
      }
      const rankAt = input.rankAt;
      const attainment = evaluateTarget(
        target,
        indicator,
        input.seriesByUnit.get(unit.id)?.get(code) ?? [],
        {
          asOf: period.text,
          ...(rankAt === undefined
            ? {}
            : { rankAt: (at: string) => rankAt(unit.id, code, at, target.cohort) }),
        },
      );
      return { unitId: unit.id, target, attainment, mostAmbitious: false, leastAmbitious: false };
    });
    markAmbition(cells, {
      direction: indicator?.direction ?? 'higher_better',
      precision: indicator?.precision ?? DEFAULT_PRECISION,
    });
    return { indicatorCode: code, area, cells, unitsWithoutTarget };
  });

  return {
    period: period.text,
    units: input.units.map((unit) => ({
      id: unit.id,
      name: unit.name,
      type: unit.type,
      provinceCode: unit.provinceCode,
    })),
    rows,
  };
}
