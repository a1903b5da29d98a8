import type { TPlanProposal, TProposedTarget } from '@commune-bench/domain';
import { ZPlanProposal } from '@commune-bench/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractPlan } from './extract-plan.js';
import { compareWithExpected, describeExpected, describeProposed } from './test-support/compare.js';
import { EXPECTED } from './test-support/expected-targets.js';
import {
  IN_CI,
  RUN_SEED_TESTS,
  SEED_FILES,
  SEED_IDS,
  SEEDS_DIR,
  SEEDS_PRESENT,
  seedText,
  type SeedId,
} from './test-support/seeds.js';

const proposals = new Map<SeedId, TPlanProposal>();

async function proposalOf(id: SeedId): Promise<TPlanProposal> {
  const known = proposals.get(id);
  if (known !== undefined) return known;
  const proposal = await extractPlan({ text: seedText(id), filename: SEED_FILES[id] });
  proposals.set(id, proposal);
  return proposal;
}

function on(proposal: TPlanProposal, line: number): TProposedTarget[] {
  return proposal.targets.filter((target) => target.source.line === line);
}

function one(
  proposal: TPlanProposal,
  line: number,
  code: string,
  extra: Partial<TProposedTarget> = {},
): TProposedTarget {
  const found = on(proposal, line).filter(
    (target) =>
      target.indicatorCode === code &&
      Object.entries(extra).every(
        ([key, value]) =>
          JSON.stringify(target[key as keyof TProposedTarget]) === JSON.stringify(value),
      ),
  );
  expect(found, `${code} on line ${line} ${JSON.stringify(extra)}`).toHaveLength(1);
  return found[0] as TProposedTarget;
}

describe.runIf(IN_CI)('seed documents under CI', () => {
  it('are present in ../shared/seeds', () => {
    expect(SEEDS_PRESENT, `missing ${SEEDS_DIR}`).toBe(true);
  });
});

describe.skipIf(!RUN_SEED_TESTS)(
  'seed plans against the expected targets read from the documents',
  () => {
    beforeAll(async () => {
      for (const id of SEED_IDS) await proposalOf(id);
    });

    describe.each(SEED_IDS)('seed %s', (id) => {
      it('recalls at least 95% of the quantitative targets, with their attributes', async () => {
        const proposal = await proposalOf(id);
        const comparison = compareWithExpected(proposal, EXPECTED[id].targets);
        const report = [
          `recall ${comparison.recall.toFixed(3)}, quantitative ${comparison.quantitativeRecall.toFixed(3)}, precision ${comparison.precision.toFixed(3)}`,
          ...comparison.missing.map((target) => `missing ${describeExpected(target)}`),
          ...comparison.extra.map((target) => `extra ${describeProposed(target)}`),
          ...comparison.attributeDifferences,
        ].join('\n');
        expect(comparison.quantitativeRecall, report).toBeGreaterThanOrEqual(0.95);
        expect(comparison.precision, report).toBeGreaterThanOrEqual(0.9);
        expect(comparison.attributeDifferences, report).toEqual([]);
      });

      it('reads the plan metadata the document states, and nothing it does not', async () => {
        const { plan } = await proposalOf(id);
        const expected = EXPECTED[id].plan;
        expect({
          unitName: plan.unitName,
          unitType: plan.unitType,
          provinceName: plan.provinceName,
          kind: plan.kind,
          fromYear: plan.fromYear,
          toYear: plan.toYear,
          phases: plan.phases.map((phase) => phase.label),
          documentNumber: plan.documentNumber,
          issuedOn: plan.issuedOn,
          issuer: plan.issuer,
        }).toEqual({
          unitName: expected.unitName,
          unitType: expected.unitType,
          provinceName: expected.provinceName,
          kind: expected.kind,
          fromYear: expected.fromYear,
          toYear: expected.toYear,
          phases: expected.phases,
          documentNumber: expected.documentNumber,
          issuedOn: expected.issuedOn,
          issuer: expected.issuer,
        });
        for (const words of expected.titleIncludes) expect(plan.title ?? '').toContain(words);
      });

      it('quotes every target exactly from the line it names', async () => {
        const proposal = await proposalOf(id);
        const lines = seedText(id).split('\n');
        for (const target of proposal.targets) {
          expect(lines[target.source.line - 1] ?? '', `${id}:${target.source.line}`).toContain(
            target.source.quote,
          );
        }
      });

      it('is a valid ZPlanProposal', async () => {
        expect(ZPlanProposal.safeParse(await proposalOf(id)).success).toBe(true);
      });

      it('proposes nothing from legal bases or from prose about results already achieved', async () => {
        const proposal = await proposalOf(id);
        const lines = seedText(id).split('\n');
        for (const target of proposal.targets) {
          const line = (lines[target.source.line - 1] ?? '').replace(/[*_]/gu, '').trim();
          expect(line, `${id}:${target.source.line}`).not.toMatch(/^Căn cứ/u);
          // A value, a rank, a trend, a level, a count or a milestone (or a blank table cell).
          if (target.comparator !== null) {
            expect(target.source.quote).toMatch(
              /\d\s?%|top \d|nhóm \d|xếp hạng|cải thiện|cấp độ \d|ít nhất \d|[Hh]oàn thành|được kết nối/u,
            );
          }
        }
      });
    });
  },
);

describe.skipIf(!RUN_SEED_TESTS)('the cases the issue names', () => {
  it('seed 000: on-time dossiers ≥ 98 due 2025; the e-payment sentence gives PAY_ENABLED ≥ 80 and PAY_TXN ≥ 60', async () => {
    const proposal = await proposalOf('000');
    expect(one(proposal, 32, 'TTHC.ONTIME')).toMatchObject({
      comparator: 'gte',
      value: 98,
      dueYear: 2025,
      unit: 'percent',
    });
    expect(one(proposal, 33, 'TTHC.PAY_ENABLED')).toMatchObject({
      comparator: 'gte',
      value: 80,
      dueYear: 2025,
    });
    expect(one(proposal, 33, 'TTHC.PAY_TXN')).toMatchObject({
      comparator: 'gte',
      value: 60,
      dueYear: 2025,
    });
  });

  it('seed 000: one value for three satisfaction subjects is three targets', async () => {
    const proposal = await proposalOf('000');
    expect(
      on(proposal, 38)
        .map((target) => [target.indicatorCode, target.comparator, target.value])
        .sort(),
    ).toEqual([
      ['CDDH.SIPAS', 'gte', 95],
      ['CQS.ONLINE_SAT', 'gte', 95],
      ['TTHC.SAT', 'gte', 95],
    ]);
  });

  it('seed 001: SIPAS ≥ 89 in phase 2026-2027 and ≥ 95 in 2028-2030; DTI top 10 of xã loại I; data maturity level 3 then 5', async () => {
    const proposal = await proposalOf('001');
    expect(one(proposal, 99, 'CDDH.SIPAS')).toMatchObject({
      comparator: 'gte',
      value: 89,
      dueYear: 2027,
      phase: '2026-2027',
    });
    expect(one(proposal, 117, 'CDDH.SIPAS')).toMatchObject({
      comparator: 'gte',
      value: 95,
      dueYear: 2030,
      phase: '2028-2030',
    });
    expect(one(proposal, 115, 'CQS.DTI')).toMatchObject({
      comparator: 'top_n',
      value: 10,
      dueYear: 2030,
      cohort: { unitTypes: ['xa'], classes: ['I'] },
    });
    expect(one(proposal, 93, 'CQS.DATA_MATURITY')).toMatchObject({
      comparator: 'level_gte',
      value: 3,
      dueYear: 2027,
    });
    expect(one(proposal, 113, 'CQS.DATA_MATURITY')).toMatchObject({
      comparator: 'level_gte',
      value: 5,
      dueYear: 2030,
    });
  });

  it('seed 001: "nâng cao hơn nữa" is no trend target', async () => {
    const proposal = await proposalOf('001');
    expect(on(proposal, 75)).toEqual([]);
    expect(proposal.targets.filter((target) => target.comparator === 'improve')).toEqual([]);
  });

  it('seed 002: SIPAS ≥ 90 due 2025 and ≥ 95 due 2030 from one sentence', async () => {
    const proposal = await proposalOf('002');
    expect(one(proposal, 118, 'CDDH.SIPAS', { dueYear: 2025 })).toMatchObject({
      comparator: 'gte',
      value: 90,
    });
    expect(one(proposal, 118, 'CDDH.SIPAS', { dueYear: 2030 })).toMatchObject({
      comparator: 'gte',
      value: 95,
    });
  });

  it('seed 002: "cấp huyện, cấp xã … tương ứng là 20%, 15%" is two targets', async () => {
    const proposal = await proposalOf('002');
    const in2021 = on(proposal, 90).filter((target) => target.dueYear === 2021);
    expect(in2021.map((target) => [target.indicatorCode, target.comparator, target.value])).toEqual(
      [
        ['TTHC.DIGITIZE', 'gte', 20],
        ['TTHC.DIGITIZE', 'gte', 15],
      ],
    );
    expect(in2021[0]?.label).toMatch(/cấp huyện/u);
    expect(in2021[1]?.label).toMatch(/cấp xã/u);
    // "mỗi năm tăng tối thiểu 20% … cho đến khi đạt tỷ lệ 100%": a yearly change for each level, the cap no target.
    const yearly = on(proposal, 90).filter((target) => target.comparator === 'change_by');
    expect(yearly.map((target) => target.value)).toEqual([20, 20]);
    expect(on(proposal, 90).some((target) => target.value === 100)).toBe(false);
    expect(
      proposal.warnings.some((warning) => warning.code === 'yearly_change' && warning.line === 90),
    ).toBe(true);
  });

  it('seed 002: nothing from the autonomy bands "từ 70% đến dưới 100%"', async () => {
    const proposal = await proposalOf('002');
    const line144 = on(proposal, 144);
    expect(
      line144.map((target) => [target.indicatorCode, target.comparator, target.value]),
    ).toEqual([
      [null, 'gte', 30],
      [null, 'gte', 30],
      [null, 'gte', 30],
      ['TCCO.SUPPORT_CUT', 'change_by', -2.5],
    ]);
    for (const value of [10, 70, 100])
      expect(line144.some((target) => target.value === value)).toBe(false);
  });

  it('seed 002: the index ranks "trong nhóm 3 địa phương dẫn đầu cả tỉnh" are four top-3 targets with the whole province as cohort', async () => {
    const proposal = await proposalOf('002');
    expect(
      on(proposal, 51).map((target) => [
        target.indicatorCode,
        target.comparator,
        target.value,
        target.cohort,
        target.aspirational,
      ]),
    ).toEqual([
      ['CDDH.PAR_INDEX', 'top_n', 3, {}, true],
      ['CDDH.PAPI', 'top_n', 3, {}, true],
      ['CDDH.ICT', 'top_n', 3, {}, true],
      ['CDDH.PCI', 'top_n', 3, {}, true],
    ]);
  });

  it('seed 002: online dossiers "tối thiểu 50%" and "60%" are proposed both and marked as a conflict', async () => {
    const proposal = await proposalOf('002');
    const first = one(proposal, 95, 'TTHC.ONLINE_DOSSIER');
    const second = one(proposal, 172, 'TTHC.ONLINE_DOSSIER');
    expect(first.conflict).not.toBeNull();
    expect(second.conflict).toBe(first.conflict);
  });

  it('seed 003: Phụ lục 1 rows, SIPAS and DTI with value null, digitisation "trên 90%" vs "90%" a conflict, the PAR rank better than 2023', async () => {
    const proposal = await proposalOf('003');
    expect(one(proposal, 212, 'CDDH.SIPAS')).toMatchObject({
      value: null,
      comparator: null,
      dueYear: 2024,
    });
    expect(one(proposal, 213, 'CQS.DTI')).toMatchObject({
      value: null,
      comparator: null,
      dueYear: 2024,
    });
    const body = one(proposal, 37, 'TTHC.DIGITIZE');
    const annex = one(proposal, 220, 'TTHC.DIGITIZE');
    expect([body.comparator, body.value, annex.comparator, annex.value]).toEqual([
      'gt',
      90,
      'eq',
      90,
    ]);
    expect(body.conflict).not.toBeNull();
    expect(annex.conflict).toBe(body.conflict);
    expect(one(proposal, 211, 'CDDH.PAR_INDEX')).toMatchObject({
      comparator: 'better_rank',
      baselineYear: 2023,
      value: null,
    });
    // The tasks table (Phụ lục 2) holds no target.
    expect(proposal.targets.filter((target) => target.source.line >= 242)).toEqual([]);
  });

  it('seed 004: "Phần đầu có 30% …" is aspirational, and its "trong số đó … từ 10% trở lên" is PAY_TXN ≥ 10', async () => {
    const proposal = await proposalOf('004');
    expect(one(proposal, 34, 'TTHC.PAY_ENABLED')).toMatchObject({
      comparator: 'eq',
      value: 30,
      aspirational: true,
    });
    expect(one(proposal, 34, 'TTHC.PAY_TXN')).toMatchObject({
      comparator: 'gte',
      value: 10,
      aspirational: true,
    });
    // Its first part is about results already achieved: no target there.
    expect(proposal.targets.filter((target) => target.source.line < 28)).toEqual([]);
  });
});
