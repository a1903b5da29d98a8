/** Compares a proposal with a seed's expected targets: recall, precision, attribute differences. */
import type { TPlanProposal, TProposedTarget } from '@commune-bench/domain';
import type { ExpectedTarget } from './expected-targets.js';

export interface Comparison {
  matched: { expected: ExpectedTarget; proposed: TProposedTarget }[];
  missing: ExpectedTarget[];
  extra: TProposedTarget[];
  /** Matched targets whose aspirational flag, conflict, baseline, cohort or phase differ. */
  attributeDifferences: string[];
  /** Recall over quantitative targets (every comparator but `milestone`). */
  quantitativeRecall: number;
  recall: number;
  precision: number;
}

export function keyOf(
  line: number,
  code: string | null,
  comparator: string | null,
  value: number | null,
  dueYear: number | null,
): string {
  return `${line}|${code ?? '-'}|${comparator ?? '-'}|${value ?? '-'}|${dueYear ?? '-'}`;
}

export function describeExpected(target: ExpectedTarget): string {
  return (
    keyOf(target[0], target[1], target[2], target[3], target[4]) +
    (target[5] === undefined ? '' : ` [${target[5]}]`)
  );
}

export function describeProposed(target: TProposedTarget): string {
  return `${keyOf(target.source.line, target.indicatorCode, target.comparator, target.value, target.dueYear)} "${target.label}"`;
}

function expectedAttributes(target: ExpectedTarget) {
  const flags = (target[5] ?? '').split(/\s+/u).filter((flag) => flag !== '');
  const find = (prefix: string): string | undefined =>
    flags.find((flag) => flag.startsWith(prefix))?.slice(prefix.length);
  const cohortFlag = find('cohort:');
  let cohort: Record<string, unknown> | null = null;
  if (cohortFlag === 'all') cohort = {};
  else if (cohortFlag !== undefined) {
    const [unitType, unitClass] = cohortFlag.split('/');
    cohort = {
      unitTypes: [unitType],
      ...(unitClass === undefined ? {} : { classes: [unitClass] }),
    };
  }
  const base = find('base:');
  return {
    aspirational: flags.includes('asp'),
    conflict: flags.includes('conflict'),
    baselineYear: base === undefined ? null : Number(base),
    cohort,
    phase: find('phase:') ?? null,
  };
}

export function compareWithExpected(
  proposal: TPlanProposal,
  expected: readonly ExpectedTarget[],
): Comparison {
  const pool = new Map<string, TProposedTarget[]>();
  for (const target of proposal.targets) {
    const key = keyOf(
      target.source.line,
      target.indicatorCode,
      target.comparator,
      target.value,
      target.dueYear,
    );
    pool.set(key, [...(pool.get(key) ?? []), target]);
  }
  const matched: Comparison['matched'] = [];
  const missing: ExpectedTarget[] = [];
  for (const target of expected) {
    const key = keyOf(target[0], target[1], target[2], target[3], target[4]);
    const candidates = pool.get(key) ?? [];
    const proposed = candidates.shift();
    if (proposed === undefined) missing.push(target);
    else matched.push({ expected: target, proposed });
  }
  const used = new Set(matched.map((pair) => pair.proposed));
  const extra = proposal.targets.filter((target) => !used.has(target));
  const attributeDifferences: string[] = [];
  for (const { expected: target, proposed } of matched) {
    const want = expectedAttributes(target);
    const got = {
      aspirational: proposed.aspirational,
      conflict: proposed.conflict !== null,
      baselineYear: proposed.baselineYear,
      cohort: proposed.cohort,
      phase: proposed.phase,
    };
    if (JSON.stringify(want) !== JSON.stringify(got)) {
      attributeDifferences.push(
        `${describeExpected(target)}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`,
      );
    }
  }
  const quantitative = expected.filter((target) => target[2] !== 'milestone');
  const quantitativeMatched = matched.filter((pair) => pair.expected[2] !== 'milestone').length;
  return {
    matched,
    missing,
    extra,
    attributeDifferences,
    quantitativeRecall: quantitative.length === 0 ? 1 : quantitativeMatched / quantitative.length,
    recall: expected.length === 0 ? 1 : matched.length / expected.length,
    precision: proposal.targets.length === 0 ? 1 : matched.length / proposal.targets.length,
  };
}
