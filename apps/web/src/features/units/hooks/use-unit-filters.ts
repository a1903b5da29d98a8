import {
  UNIT_CLASSES,
  UNIT_TYPES,
  type TUnitClass,
  type TUnitQuery,
  type TUnitType,
} from '@commune-bench/domain';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from '../../../lib/router';

/** The units list's filters as the URL holds them; the year always has a value. */
export type UnitFilters = Omit<TUnitQuery, 'year'> & { year: number };

export type UnitFilterChanges = Partial<Omit<TUnitQuery, 'year'>> & { year?: number | undefined };

const FILTER_PARAMS = ['province', 'type', 'class', 'year', 'q'] as const;
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

export function defaultUnitYear(): number {
  return new Date().getFullYear();
}

function isUnitType(value: string): value is TUnitType {
  return (UNIT_TYPES as readonly string[]).includes(value);
}

function isUnitClass(value: string): value is TUnitClass {
  return (UNIT_CLASSES as readonly string[]).includes(value);
}

export function isValidYear(value: number): boolean {
  return Number.isInteger(value) && value >= MIN_YEAR && value <= MAX_YEAR;
}

function text(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name)?.trim();
  return value ? value : undefined;
}

/**
 * Reads the filters from search params. Values the API would refuse (an unknown type, a year out
 * of range) are dropped rather than sent, so a mistyped link still shows a list. Keys left out
 * rather than undefined keep equal filters equal as query keys.
 */
export function parseUnitFilters(params: URLSearchParams, defaultYear: number): UnitFilters {
  const filters: UnitFilters = { year: defaultYear };
  const province = text(params, 'province');
  if (province !== undefined && province.length <= 32) filters.province = province;
  const type = text(params, 'type');
  if (type !== undefined && isUnitType(type)) filters.type = type;
  const unitClass = text(params, 'class');
  if (unitClass !== undefined && isUnitClass(unitClass)) filters.class = unitClass;
  const year = Number(text(params, 'year'));
  if (isValidYear(year)) filters.year = year;
  const q = text(params, 'q');
  if (q !== undefined) filters.q = q.slice(0, 200);
  return filters;
}

/** New search params with the changes applied; other params are kept, emptied ones removed. */
export function applyUnitFilterChanges(
  params: URLSearchParams,
  changes: UnitFilterChanges,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of FILTER_PARAMS) {
    if (!(name in changes)) continue;
    const value = changes[name];
    if (value === undefined || value === null || String(value).trim() === '') next.delete(name);
    else next.set(name, String(value).trim());
  }
  return next;
}

export function useUnitFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseUnitFilters(params, defaultUnitYear()), [params]);
  const setFilters = useCallback(
    (changes: UnitFilterChanges) => setParams(applyUnitFilterChanges(params, changes)),
    [params, setParams],
  );
  const clearFilters = useCallback(
    () =>
      setParams(
        applyUnitFilterChanges(params, {
          province: undefined,
          type: undefined,
          class: undefined,
          year: undefined,
          q: undefined,
        }),
      ),
    [params, setParams],
  );
  return { filters, setFilters, clearFilters };
}
