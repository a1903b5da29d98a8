/**
 * The review of an imported proposal, as pure functions: each proposed target is accepted (as
 * read or edited) or rejected by a person, then the accepted ones become a plan (`POST /api/plans`).
 */
import {
  foldVi,
  type TComparator,
  type TIndicatorUnit,
  type TPlanCreate,
  type TPlanKind,
  type TPlanProposal,
  type TProposedTarget,
  type TTargetInput,
  type TUnit,
} from '@commune-bench/domain';
import { COMPARATORS_WITHOUT_VALUE } from '../../../lib/vi-labels';

export type Decision = 'pending' | 'accepted' | 'rejected';

export interface ReviewRow {
  key: string;
  /** As the importer proposed it (kept to show what was changed). */
  proposed: TProposedTarget;
  /** As it will be saved. */
  target: TProposedTarget;
  decision: Decision;
  edited: boolean;
}

export interface PlanFields {
  unitId: string | undefined;
  title: string;
  kind: TPlanKind;
  documentNo: string | null;
  documentDate: string | null;
  issuer: string | null;
  fromYear: number | undefined;
  toYear: number | undefined;
  parentPlanId: string | null;
}

/** Below this the importer is unsure of indicator, comparator or value: flagged for a closer look. */
export const LOW_CONFIDENCE = 0.6;

export function initialRows(proposal: TPlanProposal): ReviewRow[] {
  return proposal.targets.map((target, index) => ({
    key: `t${index}`,
    proposed: target,
    target,
    decision: 'pending',
    edited: false,
  }));
}

/** What a target lacks before it can be saved (Vietnamese, for the reviewer). */
export function missingFields(target: TProposedTarget): string[] {
  const missing: string[] = [];
  if (target.label.trim() === '') missing.push('tên chỉ tiêu');
  if (target.comparator === null) missing.push('cách so sánh');
  else if (!COMPARATORS_WITHOUT_VALUE.includes(target.comparator) && target.value === null)
    missing.push('giá trị');
  if (target.unit === null) missing.push('đơn vị tính');
  if (target.dueYear === null) missing.push('năm phải đạt');
  return missing;
}

/** Keys of conflict groups in which more than one target is still accepted or undecided. */
export function openConflicts(rows: readonly ReviewRow[]): string[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = row.target.conflict;
    if (key === null || row.decision === 'rejected') continue;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].filter(([, count]) => count > 1).map(([key]) => key);
}

export function initialPlanFields(
  proposal: TPlanProposal,
  units: readonly Pick<TUnit, 'id' | 'name' | 'type'>[],
  presetUnitId: string | undefined,
): PlanFields {
  const { plan } = proposal;
  const matched =
    presetUnitId ??
    (plan.unitName === null
      ? undefined
      : units.find(
          (unit) =>
            foldVi(unit.name) === foldVi(plan.unitName ?? '') &&
            (plan.unitType === null || unit.type === plan.unitType),
        )?.id);
  return {
    unitId: matched,
    title: plan.title ?? '',
    kind: plan.kind ?? 'ke_hoach',
    documentNo: plan.documentNumber,
    documentDate: plan.issuedOn,
    issuer: plan.issuer,
    fromYear: plan.fromYear ?? undefined,
    toYear: plan.toYear ?? plan.fromYear ?? undefined,
    parentPlanId: null,
  };
}

export type PlanCreateResult = { ok: true; plan: TPlanCreate } | { ok: false; problems: string[] };

/** The plan to save, or what still stands in the way (Vietnamese). */
export function toPlanCreate(
  fields: PlanFields,
  proposal: TPlanProposal,
  rows: readonly ReviewRow[],
  sourceFile: { name: string; sha256: string } | null,
): PlanCreateResult {
  const problems: string[] = [];
  if (!fields.unitId) problems.push('Chưa chọn đơn vị của kế hoạch.');
  if (fields.title.trim() === '') problems.push('Chưa có tên kế hoạch.');
  if (fields.fromYear === undefined || fields.toYear === undefined)
    problems.push('Chưa có năm bắt đầu và năm kết thúc.');
  else if (fields.fromYear > fields.toYear) problems.push('Năm bắt đầu sau năm kết thúc.');
  const pending = rows.filter((row) => row.decision === 'pending').length;
  if (pending > 0) problems.push(`Còn ${pending} chỉ tiêu chưa được nhận hoặc bỏ.`);
  const accepted = rows.filter((row) => row.decision === 'accepted');
  for (const row of accepted) {
    const missing = missingFields(row.target);
    if (missing.length > 0)
      problems.push(`Chỉ tiêu “${row.target.label}” còn thiếu: ${missing.join(', ')}.`);
  }
  if (
    problems.length > 0 ||
    !fields.unitId ||
    fields.fromYear === undefined ||
    fields.toYear === undefined
  )
    return { ok: false, problems };

  const targets: TTargetInput[] = accepted.map(({ target }) => ({
    indicatorCode: target.indicatorCode,
    label: target.label.trim(),
    areaInPlan: target.areaInPlan,
    comparator: target.comparator as TComparator,
    value: target.value,
    unit: target.unit as TIndicatorUnit,
    dueYear: target.dueYear as number,
    phase: target.phase,
    baselineYear: target.baselineYear,
    cohort: target.cohort,
    aspirational: target.aspirational,
    source: { quote: target.source.quote, line: target.source.line },
    confidence: target.confidence,
    reviewed: true,
    conflictGroup: target.conflict,
  }));
  return {
    ok: true,
    plan: {
      unitId: fields.unitId,
      title: fields.title.trim(),
      kind: fields.kind,
      documentNo: fields.documentNo,
      documentDate: fields.documentDate,
      issuer: fields.issuer,
      fromYear: fields.fromYear,
      toYear: fields.toYear,
      phases: proposal.plan.phases.map((phase) => ({
        code: phase.label,
        fromYear: phase.fromYear,
        toYear: phase.toYear,
      })),
      parentPlanId: fields.parentPlanId,
      sourceFile,
      targets,
    },
  };
}

/** SHA-256 of the document, hex, to record which file a plan came from. */
export async function sha256Hex(data: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
