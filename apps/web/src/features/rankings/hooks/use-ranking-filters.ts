import {
  COMMUNE_TYPES,
  UNIT_CLASSES,
  isValidPeriod,
  type TTieRule,
  type TUnitClass,
  type TUnitType,
} from '@commune-bench/domain';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from '../../../lib/router';
import type { RankingParams } from '../api/get-ranking';

export interface RankingFilters {
  indicator: string;
  period: string;
  province?: string;
  type?: TUnitType;
  class?: TUnitClass;
  ties: TTieRule;
  include: 'verified' | 'submitted';
  /** How many leading rows are highlighted (the table lists every unit). */
  highlightTop: number;
}

export type RankingFilterChanges = Partial<{
  [K in keyof RankingFilters]: RankingFilters[K] | undefined;
}>;

export const DEFAULT_RANKING_INDICATOR = 'CQS.DTI';
export const DEFAULT_HIGHLIGHT_TOP = 10;

const PARAM_OF: Record<keyof RankingFilters, string> = {
  indicator: 'indicator',
  period: 'period',
  province: 'province',
  type: 'type',
  class: 'class',
  ties: 'ties',
  include: 'include',
  highlightTop: 'top',
};

function text(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name)?.trim();
  return value ? value : undefined;
}

/** Reads the filters from the URL; values the API would refuse are dropped, defaults filled in. */
export function parseRankingFilters(
  params: URLSearchParams,
  defaultPeriod: string,
): RankingFilters {
  const indicator = text(params, 'indicator');
  const period = text(params, 'period');
  const filters: RankingFilters = {
    indicator:
      indicator !== undefined && /^(composite|[A-Z]+\.[A-Z0-9_]+)$/.test(indicator)
        ? indicator
        : DEFAULT_RANKING_INDICATOR,
    period: period !== undefined && isValidPeriod(period) ? period : defaultPeriod,
    ties: text(params, 'ties') === 'dense' ? 'dense' : 'competition',
    include: text(params, 'include') === 'submitted' ? 'submitted' : 'verified',
    highlightTop: DEFAULT_HIGHLIGHT_TOP,
  };
  const province = text(params, 'province');
  if (province !== undefined && province.length <= 32) filters.province = province;
  const type = text(params, 'type');
  if (type !== undefined && (COMMUNE_TYPES as readonly string[]).includes(type)) {
    filters.type = type as TUnitType;
  }
  const unitClass = text(params, 'class');
  if (unitClass !== undefined && (UNIT_CLASSES as readonly string[]).includes(unitClass)) {
    filters.class = unitClass as TUnitClass;
  }
  const top = Number(text(params, 'top'));
  if (Number.isInteger(top) && top >= 1 && top <= 1000) filters.highlightTop = top;
  return filters;
}

export function applyRankingFilterChanges(
  params: URLSearchParams,
  changes: RankingFilterChanges,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes) as [
    keyof RankingFilters,
    string | number | undefined,
  ][]) {
    const name = PARAM_OF[key];
    if (value === undefined || value === null || String(value).trim() === '') next.delete(name);
    else next.set(name, String(value));
  }
  return next;
}

/** What the API is asked: the whole table (top-N is only highlighted on screen). */
export function rankingParamsOf(filters: RankingFilters): RankingParams {
  return {
    indicator: filters.indicator,
    period: filters.period,
    ...(filters.province !== undefined ? { province: filters.province } : {}),
    ...(filters.type !== undefined ? { type: filters.type } : {}),
    ...(filters.class !== undefined ? { class: filters.class } : {}),
    ties: filters.ties,
    include: filters.include,
  };
}

export function defaultPeriod(): string {
  return String(new Date().getFullYear());
}

export function useRankingFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseRankingFilters(params, defaultPeriod()), [params]);
  const setFilters = useCallback(
    (changes: RankingFilterChanges, options?: { replace?: boolean }) =>
      setParams(applyRankingFilterChanges(params, changes), options),
    [params, setParams],
  );
  return { filters, params, setFilters };
}
