/**
 * `extractPlan`: a document in, a proposed plan with every target out, for a person to review.
 * Nothing is saved. Any failure is a coded PlanImportError with a Vietnamese message.
 */
import {
  findIndicator,
  formatNumberVi,
  ZPlanProposal,
  type TPlanProposal,
  type TProposalWarning,
  type TProposedTarget,
} from '@commune-bench/domain';
import { findConflicts } from './conflicts.js';
import { Deadline } from './deadline.js';
import { PlanImportError } from './errors.js';
import { findMetadata } from './metadata.js';
import { normalise } from './normalise.js';
import { readDocument, type ReadDocument } from './readers/index.js';
import { findStructure } from './structure.js';
import { extractTargets, type ExtractedTarget } from './target-extractor.js';

export type ExtractPlanInput =
  { buffer: Buffer; filename: string } | { text: string; filename?: string };

export interface ExtractPlanOptions {
  /** Longest text read, in characters (default 2,000,000). */
  maxChars?: number;
  /** Most PDF pages read (default 300). */
  maxPages?: number;
  /** Time limit for reading and extracting (default 20 s). */
  timeoutMs?: number;
}

export const DEFAULT_LIMITS = { maxChars: 2_000_000, maxPages: 300, timeoutMs: 20_000 } as const;

const COMPARATOR_WORDS: Record<string, string> = {
  gte: 'tối thiểu',
  gt: 'trên',
  eq: '',
  lte: 'tối đa',
  lt: 'dưới',
  level_gte: 'cấp độ',
  count_gte: 'ít nhất',
};

function describe(target: ExtractedTarget): string {
  const word = target.comparator === null ? '' : (COMPARATOR_WORDS[target.comparator] ?? '');
  const value =
    target.value === null
      ? '(trống)'
      : formatNumberVi(target.value, target.value % 1 === 0 ? 0 : 1);
  const unit = target.unit === 'percent' ? '%' : '';
  return `${word === '' ? '' : `${word} `}${value}${unit} (dòng ${target.source.line})`;
}

function warningsFor(
  targets: readonly ExtractedTarget[],
  conflicts: Map<number, string>,
  hasAreas: boolean,
): TProposalWarning[] {
  const warnings: TProposalWarning[] = [];
  const byGroup = new Map<string, ExtractedTarget[]>();
  for (const target of targets) {
    const key = conflicts.get(target.order);
    if (key === undefined) continue;
    const group = byGroup.get(key);
    if (group === undefined) byGroup.set(key, [target]);
    else group.push(target);
  }
  for (const [key, group] of byGroup) {
    const code = key.split('@')[0] ?? key;
    const name = findIndicator(code)?.nameVi ?? code;
    const first = group[0];
    warnings.push({
      code: 'conflict',
      message: `Chỉ tiêu "${name}" năm ${first?.dueYear ?? '?'} có giá trị khác nhau: ${group.slice(0, 6).map(describe).join('; ')}${group.length > 6 ? ` và ${group.length - 6} chỉ tiêu khác` : ''}. Cần chọn một.`,
      ...(first === undefined ? {} : { line: first.source.line }),
    });
  }
  for (const target of targets) {
    const line = target.source.line;
    for (const flag of target.flags) {
      switch (flag) {
        case 'legacy':
          warnings.push({
            code: 'legacy_wording',
            message: `Cách gọi cũ "mức độ 3, 4" (nay là dịch vụ công trực tuyến toàn trình / một phần): kiểm tra lại chỉ tiêu "${target.label}".`,
            line,
          });
          break;
        case 'yearly':
          warnings.push({
            code: 'yearly_change',
            message: `Chỉ tiêu tăng/giảm hằng năm "${target.label}": cần xác định là điểm phần trăm hay tỷ lệ tương đối, và mức trần.`,
            line,
          });
          break;
        case 'blank_value':
          warnings.push({
            code: 'blank_value',
            message: `Ô chỉ tiêu để trống: "${target.label}" cần được nhập giá trị.`,
            line,
          });
          break;
        case 'no_indicator':
          warnings.push({
            code: 'no_indicator',
            message: `Không tìm thấy chỉ số trong danh mục cho "${target.label}": cần chọn hoặc để trống.`,
            line,
          });
          break;
        case 'baseline_period':
          warnings.push({
            code: 'baseline_period',
            message: `Năm gốc là cả một giai đoạn: cần xác định năm gốc cho "${target.label}".`,
            line,
          });
          break;
        case 'cohort_unknown':
          warnings.push({
            code: 'cohort_unknown',
            message: `Không rõ nhóm so sánh của chỉ tiêu xếp hạng "${target.label}".`,
            line,
          });
          break;
        case 'inherited':
        case 'capped':
          break;
      }
    }
  }
  if (!hasAreas) {
    warnings.push({
      code: 'no_area_headings',
      message: 'Tài liệu không có tiêu đề lĩnh vực cải cách: các chỉ tiêu chưa gắn lĩnh vực.',
    });
  }
  return warnings;
}

function toProposed(target: ExtractedTarget, conflict: string | null): TProposedTarget {
  const year = (value: number | null): number | null =>
    value !== null && Number.isInteger(value) && value >= 1990 && value <= 2100 ? value : null;
  return {
    indicatorCode: target.indicatorCode,
    label: target.label.trim() === '' ? 'Chỉ tiêu' : target.label,
    areaInPlan: target.areaInPlan,
    comparator: target.comparator,
    value: target.value !== null && Number.isFinite(target.value) ? target.value : null,
    unit: target.unit,
    dueYear: year(target.dueYear),
    phase: target.phase,
    baselineYear: year(target.baselineYear),
    cohort: target.cohort,
    aspirational: target.aspirational,
    conflict,
    confidence: Math.max(0, Math.min(1, target.confidence)),
    source: {
      quote: target.source.quote === '' ? target.label : target.source.quote,
      line: Math.max(1, target.source.line),
    },
  };
}

/** Same line, indicator, comparator, value and year: one target read twice. */
function dedupe(targets: ExtractedTarget[]): ExtractedTarget[] {
  const seen = new Set<string>();
  return targets.filter((target) => {
    const key = [
      target.source.line,
      target.source.quote,
      target.indicatorCode ?? target.label,
      target.comparator,
      target.value,
      target.dueYear,
      target.scope,
    ].join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Extraction from text already read. */
export function extractFromText(
  text: string,
  deadline: Deadline,
  layout: ReadDocument['layout'] = 'lines',
): TPlanProposal {
  const document = normalise(text, { layout, deadline });
  if (document.paragraphs.length === 0) {
    throw new PlanImportError('empty_document', 'Tài liệu không có nội dung để đọc.');
  }
  const structure = findStructure(document, deadline);
  const metadata = findMetadata(document, structure);
  const extracted = dedupe(
    extractTargets(document, structure, {
      planToYear: metadata.plan.toYear,
      skipParagraphs: metadata.titleParagraphs,
      deadline,
    }),
  ).sort((a, b) => a.source.line - b.source.line || a.order - b.order);
  if (extracted.length === 0) {
    throw new PlanImportError(
      'not_a_plan',
      'Không tìm thấy chỉ tiêu nào trong tài liệu: đây có phải là kế hoạch, nghị quyết hoặc quyết định về cải cách hành chính không?',
    );
  }
  const conflicts = findConflicts(extracted);
  const warnings = warningsFor(extracted, conflicts, structure.areaHeadings > 0);
  if (metadata.plan.toYear === null) {
    warnings.push({
      code: 'period_unknown',
      message:
        'Không xác định được thời kỳ của kế hoạch: hạn của các chỉ tiêu không có năm cần được nhập.',
    });
  }
  if (metadata.plan.unitName === null) {
    warnings.push({
      code: 'unit_unknown',
      message: 'Tài liệu không nêu tên đơn vị: cần chọn đơn vị khi lưu.',
    });
  }
  const proposal: TPlanProposal = {
    plan: metadata.plan,
    targets: extracted.map((target) => toProposed(target, conflicts.get(target.order) ?? null)),
    warnings,
  };
  const checked = ZPlanProposal.safeParse(proposal);
  if (!checked.success) {
    throw new PlanImportError('internal_error', 'Lỗi nội bộ khi đọc tài liệu.', {
      issues: checked.error.issues.slice(0, 5),
    });
  }
  return checked.data;
}

export async function extractPlan(
  input: ExtractPlanInput,
  options: ExtractPlanOptions = {},
): Promise<TPlanProposal> {
  const maxChars = options.maxChars ?? DEFAULT_LIMITS.maxChars;
  const maxPages = options.maxPages ?? DEFAULT_LIMITS.maxPages;
  const deadline = new Deadline(options.timeoutMs ?? DEFAULT_LIMITS.timeoutMs);
  try {
    let text: string;
    let layout: ReadDocument['layout'] = 'lines';
    if ('buffer' in input) {
      if (!Buffer.isBuffer(input.buffer)) {
        throw new PlanImportError('unreadable', 'Không có dữ liệu tệp để đọc.');
      }
      // A text far longer than allowed is refused before it is decoded (4 bytes per character at most).
      if (input.buffer.length > maxChars * 4 + 1024 && !/\.pdf$|\.docx$/iu.test(input.filename)) {
        throw tooLarge(input.buffer.length, maxChars);
      }
      const read = await readDocument(input.buffer, input.filename, { maxPages, deadline });
      text = read.text;
      layout = read.layout;
    } else {
      if (typeof input.text !== 'string')
        throw new PlanImportError('unreadable', 'Không có nội dung để đọc.');
      text = input.text;
    }
    if (text.length > maxChars) throw tooLarge(text.length, maxChars);
    if (text.trim() === '') {
      throw new PlanImportError('empty_document', 'Tài liệu không có nội dung để đọc.');
    }
    deadline.check();
    return extractFromText(text, deadline, layout);
  } catch (error) {
    if (error instanceof PlanImportError) throw error;
    if (error instanceof RangeError) {
      throw new PlanImportError('too_large', 'Tài liệu quá lớn để đọc.', { cause: error.message });
    }
    throw new PlanImportError('internal_error', 'Lỗi nội bộ khi đọc tài liệu.', {
      cause: error instanceof Error ? error.message : String(error),
    });
  }
}

function tooLarge(size: number, maxChars: number): PlanImportError {
  return new PlanImportError(
    'too_large',
    `Tài liệu quá dài (${formatNumberVi(size, 0)} ký tự), vượt giới hạn ${formatNumberVi(maxChars, 0)} ký tự.`,
    { size, maxChars },
  );
}
