/**
 * The same indicator given different values for the same year in one plan (seed 003: digitisation
 * "trên 90%" in the body and "90%" in Phụ lục 1): both are proposed, each with its source, and
 * marked with one conflict key for the reviewer to decide. "đạt 90%" and "tối thiểu 90%" mean the
 * same on a higher-is-better indicator (domain.md: `eq` is judged as `gte`), so they do not conflict.
 */
import { findIndicator, type TComparator } from '@commune-bench/domain';
import type { ExtractedTarget } from './target-extractor.js';

const THRESHOLDS = new Set<TComparator>(['gte', 'gt', 'eq', 'lte', 'lt', 'level_gte', 'count_gte']);

function meaning(target: ExtractedTarget): string {
  const indicator = target.indicatorCode === null ? undefined : findIndicator(target.indicatorCode);
  let comparator = target.comparator;
  if (comparator === 'eq') comparator = indicator?.direction === 'lower_better' ? 'lte' : 'gte';
  if (comparator === 'level_gte' || comparator === 'count_gte') comparator = 'gte';
  return `${comparator ?? ''}:${target.value ?? ''}`;
}

/** Conflict key per target (null when none), keyed by the target's order. */
export function findConflicts(targets: readonly ExtractedTarget[]): Map<number, string> {
  const groups = new Map<string, ExtractedTarget[]>();
  for (const target of targets) {
    if (target.indicatorCode === null || target.value === null || target.comparator === null)
      continue;
    if (!THRESHOLDS.has(target.comparator)) continue;
    const key = `${target.indicatorCode}@${target.dueYear ?? '?'}${target.scope === null ? '' : `#${target.scope}`}`;
    const group = groups.get(key) ?? [];
    group.push(target);
    groups.set(key, group);
  }
  const conflicts = new Map<number, string>();
  for (const [key, group] of groups) {
    const meanings = new Set(group.map(meaning));
    if (meanings.size < 2) continue;
    for (const target of group) conflicts.set(target.order, key);
  }
  return conflicts;
}
