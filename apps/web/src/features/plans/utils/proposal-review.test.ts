import { describe, expect, it } from 'vitest';
import { buildProposal, buildProposedTarget } from '../../../test/proposals';
import {
  initialPlanFields,
  initialRows,
  missingFields,
  openConflicts,
  toPlanCreate,
  type ReviewRow,
} from './proposal-review';

describe('missingFields', () => {
  it('names what a blank table cell or an unread comparator leaves out', () => {
    expect(missingFields(buildProposedTarget())).toEqual([]);
    expect(missingFields(buildProposedTarget({ comparator: null, value: null }))).toEqual([
      'cách so sánh',
    ]);
    expect(missingFields(buildProposedTarget({ value: null }))).toEqual(['giá trị']);
    expect(
      missingFields(buildProposedTarget({ comparator: 'milestone', value: null, unit: 'bool' })),
    ).toEqual([]);
    expect(missingFields(buildProposedTarget({ unit: null, dueYear: null }))).toEqual([
      'đơn vị tính',
      'năm phải đạt',
    ]);
  });
});

describe('openConflicts', () => {
  it('lists a conflict group until all but one of its targets are rejected', () => {
    const proposal = buildProposal([
      buildProposedTarget({ conflict: 'TTHC.DIGITIZE@2024', value: 90 }),
      buildProposedTarget({ conflict: 'TTHC.DIGITIZE@2024', value: 91 }),
      buildProposedTarget(),
    ]);
    const rows = initialRows(proposal);
    expect(openConflicts(rows)).toEqual(['TTHC.DIGITIZE@2024']);
    const resolved: ReviewRow[] = rows.map((row, index) =>
      index === 1 ? { ...row, decision: 'rejected' } : row,
    );
    expect(openConflicts(resolved)).toEqual([]);
  });
});

describe('toPlanCreate', () => {
  const proposal = buildProposal([
    buildProposedTarget({ label: 'Giữ', source: { quote: 'giữ', line: 7 }, confidence: 0.4 }),
    buildProposedTarget({ label: 'Bỏ' }),
  ]);
  const units = [{ id: 'hung-thinh', name: 'Hưng Thịnh', type: 'xa' as const }];

  it('matches the unit by its name ignoring diacritics, and keeps the document facts', () => {
    expect(initialPlanFields(proposal, units, undefined)).toMatchObject({
      unitId: 'hung-thinh',
      title: 'Kế hoạch cải cách hành chính năm 2025 của xã Hưng Thịnh',
      fromYear: 2025,
      toYear: 2025,
      issuer: 'UBND xã Hưng Thịnh',
    });
  });

  it('refuses while targets are undecided, then saves only the accepted ones as reviewed', () => {
    const fields = initialPlanFields(proposal, units, undefined);
    const rows = initialRows(proposal);
    expect(toPlanCreate(fields, proposal, rows, null)).toEqual({
      ok: false,
      problems: ['Còn 2 chỉ tiêu chưa được nhận hoặc bỏ.'],
    });

    const decided: ReviewRow[] = [
      { ...rows[0]!, decision: 'accepted' },
      { ...rows[1]!, decision: 'rejected' },
    ];
    const result = toPlanCreate(fields, proposal, decided, { name: '000.txt', sha256: 'ab' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.unitId).toBe('hung-thinh');
    expect(result.plan.sourceFile).toEqual({ name: '000.txt', sha256: 'ab' });
    expect(result.plan.targets).toHaveLength(1);
    expect(result.plan.targets[0]).toMatchObject({
      label: 'Giữ',
      reviewed: true,
      confidence: 0.4,
      source: { quote: 'giữ', line: 7 },
    });
  });

  it('refuses an accepted target that still lacks its value, and a plan without a unit', () => {
    const blank = buildProposal([buildProposedTarget({ label: 'Trống', value: null })]);
    const rows: ReviewRow[] = initialRows(blank).map((row) => ({ ...row, decision: 'accepted' }));
    const result = toPlanCreate(initialPlanFields(blank, [], undefined), blank, rows, null);
    expect(result).toEqual({
      ok: false,
      problems: ['Chưa chọn đơn vị của kế hoạch.', 'Chỉ tiêu “Trống” còn thiếu: giá trị.'],
    });
  });
});
