/**
 * What the plan importer (packages/plan-import) proposes from a document, for a person to review
 * before it is saved as a plan (`POST /api/plans`). Nothing here is saved: it is the answer of
 * `POST /api/plans/extract` and of `pnpm run cli plan extract <file> --json`.
 *
 * Every fact the document does not state is `null`, never guessed: a blank table cell gives
 * `value: null` (and `comparator: null`), an unnamed commune gives `unitName: null`.
 */
import { z } from 'zod';
import {
  ZCohortRule,
  ZComparator,
  ZIndicatorUnit,
  ZPlanKind,
  ZReformArea,
  ZUnitType,
} from './schemas.js';

const ZYear = z.number().int().min(1990).max(2100);
const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be yyyy-mm-dd');
const ZLine = z.number().int().min(1);

/** A phase of the plan as the document names it, e.g. `{ label: '2026-2027', fromYear: 2026, toYear: 2027 }`. */
export const ZProposedPhase = z.strictObject({
  label: z.string().min(1).max(64),
  fromYear: ZYear,
  toYear: ZYear,
});
export type TProposedPhase = z.infer<typeof ZProposedPhase>;

export const ZProposedPlan = z.strictObject({
  /** The unit's own name without its type word: `Ô Diên`, `Hương Trà`; null when the document does not name it. */
  unitName: z.string().min(1).nullable(),
  unitType: ZUnitType.nullable(),
  /** Only when the document states it (`tỉnh Bình Định`, `thành phố Hà Nội`). */
  provinceName: z.string().min(1).nullable(),
  title: z.string().min(1).nullable(),
  kind: ZPlanKind.nullable(),
  fromYear: ZYear.nullable(),
  toYear: ZYear.nullable(),
  phases: z.array(ZProposedPhase),
  /** `1406/QĐ-UBND`; null when the number is left blank (`Số: /QĐ-UBND`). */
  documentNumber: z.string().min(1).nullable(),
  issuedOn: ZIsoDate.nullable(),
  /** `UBND xã Ô Diên`, `Đảng ủy xã`. */
  issuer: z.string().min(1).nullable(),
});
export type TProposedPlan = z.infer<typeof ZProposedPlan>;

/** Where a proposed target was read: an exact substring of the document and its 1-based line. */
export const ZProposedSource = z.strictObject({
  quote: z.string().min(1),
  line: ZLine,
});
export type TProposedSource = z.infer<typeof ZProposedSource>;

export const ZProposedTarget = z.strictObject({
  /** Catalog code, or null when no catalog indicator fits (the label then carries the meaning). */
  indicatorCode: z
    .string()
    .regex(/^[A-Z]+\.[A-Z0-9_]+$/)
    .nullable(),
  /** The plan's own wording, short (scope and exclusions in parentheses kept). */
  label: z.string().min(1),
  /** The reform-area heading the plan put the target under (null when the document has none there). */
  areaInPlan: ZReformArea.nullable(),
  /** Null when the document gives no value to compare with (a blank table cell). */
  comparator: ZComparator.nullable(),
  /** Percent as 0–100, counts, levels, ranks; signed for `change_by`; null for a blank cell or a milestone. */
  value: z.number().finite().nullable(),
  unit: ZIndicatorUnit.nullable(),
  /** From "vào năm YYYY", "đến năm YYYY", the phase, or the plan's last year; null when none is known. */
  dueYear: ZYear.nullable(),
  /** The label of one of `plan.phases`, when the target sits under a phase heading. */
  phase: z.string().min(1).nullable(),
  /** For `change_by`, `improve` and `better_rank` when the document names the year compared with. */
  baselineYear: ZYear.nullable(),
  /**
   * For rank targets: "nhóm xã loại I" → `{ unitTypes: ['xa'], classes: ['I'] }`; "cả tỉnh" → `{}`.
   * The province is left out: the API fills in the unit's own province.
   */
  cohort: ZCohortRule.nullable(),
  /** The plan says "phấn đấu" for it (it does not change the comparator). */
  aspirational: z.boolean(),
  /**
   * Set when the same indicator is given different values for the same year in this plan: every
   * target of that group carries the same key (e.g. `TTHC.DIGITIZE@2024`) for the reviewer to decide.
   */
  conflict: z.string().min(1).nullable(),
  /** How sure the importer is of indicator, comparator and value together (0–1). */
  confidence: z.number().min(0).max(1),
  source: ZProposedSource,
});
export type TProposedTarget = z.infer<typeof ZProposedTarget>;

/** Something the reviewer should look at: `{ code: 'conflict', message: 'Chỉ tiêu … có hai giá trị …', line: 37 }`. */
export const ZProposalWarning = z.strictObject({
  code: z.string().min(1),
  /** Vietnamese, shown as is. */
  message: z.string().min(1),
  line: ZLine.optional(),
});
export type TProposalWarning = z.infer<typeof ZProposalWarning>;

export const ZPlanProposal = z.strictObject({
  plan: ZProposedPlan,
  targets: z.array(ZProposedTarget),
  warnings: z.array(ZProposalWarning),
});
export type TPlanProposal = z.infer<typeof ZPlanProposal>;
