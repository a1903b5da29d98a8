import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPARATORS, findIndicator, REFORM_AREAS } from '@commune-bench/domain';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/config/config.js';
import { seedPlans } from '../src/demo/seed-plans.data.js';

/** The seed documents live beside the repository (../shared/seeds), not in it. */
const SEEDS_DIR = join(REPO_ROOT, '..', 'shared', 'seeds');

describe('seed plans as structured data', () => {
  it('covers the five seed documents', () => {
    expect(seedPlans.map((plan) => plan.seedFile).sort()).toEqual([
      '000_f7f2992ca6234a2c.txt',
      '001_db8bd46d2dd6e5b9.txt',
      '002_84b893657160b16a.txt',
      '003_be7d98821bed4f13.txt',
      '004_3d958af6174669dc.txt',
    ]);
  });

  it.each(seedPlans.map((plan) => [plan.seedFile, plan] as const))(
    '%s: every target is well formed',
    (_file, plan) => {
      expect(plan.targets.length).toBeGreaterThanOrEqual(15);
      for (const target of plan.targets) {
        if (target.indicatorCode !== null)
          expect(findIndicator(target.indicatorCode), target.indicatorCode).toBeDefined();
        expect(COMPARATORS).toContain(target.comparator);
        if (target.areaInPlan !== null) expect(REFORM_AREAS).toContain(target.areaInPlan);
        const lastYear = Math.max(plan.plan.toYear, 2030);
        expect(target.dueYear).toBeGreaterThanOrEqual(plan.plan.fromYear);
        expect(target.dueYear).toBeLessThanOrEqual(lastYear);
        if (target.phase !== null)
          expect(plan.plan.phases.map((phase) => phase.code)).toContain(target.phase);
        if (target.comparator === 'top_n') expect(target.value).toBeGreaterThan(0);
      }
    },
  );

  it.skipIf(!existsSync(SEEDS_DIR))('quotes every target exactly from the line it names', () => {
    for (const plan of seedPlans) {
      const lines = readFileSync(join(SEEDS_DIR, plan.seedFile), 'utf8').split('\n');
      for (const target of plan.targets) {
        const line = lines[target.source.line - 1] ?? '';
        expect(line, `${plan.seedFile}:${target.source.line}`).toContain(target.source.quote);
      }
    }
  });

  it('keeps what the documents do not state unknown', () => {
    const byFile = new Map(seedPlans.map((plan) => [plan.seedFile.slice(0, 3), plan]));
    expect(byFile.get('000')?.unit.provinceName).toBeNull();
    expect(byFile.get('004')?.unit.nameKnown).toBe(false);
    expect(byFile.get('001')?.plan).toMatchObject({
      documentNo: null,
      documentDate: null,
      phases: [{ code: '2026-2027' }, { code: '2028-2030' }],
    });
    expect(byFile.get('002')?.unit).toMatchObject({
      type: 'thi_xa',
      provinceName: 'Thừa Thiên Huế',
    });
    const oDienRank = byFile.get('001')?.targets.find((target) => target.comparator === 'top_n');
    expect(oDienRank).toMatchObject({
      indicatorCode: 'CQS.DTI',
      value: 10,
      cohort: { unitTypes: ['xa'], classes: ['I'] },
    });
    expect(
      byFile
        .get('003')
        ?.targets.some((target) => target.value === null && target.comparator !== 'milestone'),
    ).toBe(true);
  });
});
