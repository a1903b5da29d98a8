/**
 * The composite ranking reads only the points target evaluation uses (the latest, the earliest, a
 * baseline year's latest), not every result: the attainment must be exactly what every point gives.
 */
import { evaluateTarget, findIndicator, type TComparator } from '@commune-bench/domain';
import { buildTarget } from '@commune-bench/domain/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RankingEngine } from '../src/rankings/ranking-engine.service.js';
import { ResultsRepository } from '../src/results/results.repository.js';
import { UnitsRepository } from '../src/units/units.repository.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

describe('evaluation points: the trimmed series evaluates like the full one', () => {
  let database: TestDatabase;
  let api: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startTestApp(database.url);
    // Every granularity, with ends that tie ('2024-Q4', '2024-H2', '2024-12' and '2024' all end in
    // December 2024), for a few units, so ties and baselines are exercised, not only yearly data.
    const units = (await api.app.get(UnitsRepository).find({ province: 'HNI' })).slice(0, 4);
    const periods = [
      '2022-Q1',
      '2022',
      '2023-H1',
      '2023',
      '2024-03',
      '2024-Q2',
      '2024-H2',
      '2024-Q4',
      '2024-12',
      '2025-Q1',
      '2025-06',
      '2025-H2',
      '2026-01',
      '2026-Q2',
    ];
    await api.app.get(ResultsRepository).insertMany(
      units.flatMap((unit, u) =>
        periods.map((period, p) => ({
          unitId: unit.id,
          indicatorCode: 'TTHC.DIGITIZE',
          period,
          value: 40 + ((u * 7 + p * 13) % 55) + 0.125,
          status: 'verified' as const,
          source: null,
          isDemo: true,
        })),
      ),
    );
  });

  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it('gives the same attainment for every unit, indicator, period and kind of target', async () => {
    const scope = api.app.get(RankingEngine).scope();
    const ids = (await api.app.get(UnitsRepository).find({})).map((unit) => unit.id);
    const comparators: {
      comparator: TComparator;
      value: number | null;
      baseline: number | null;
    }[] = [
      { comparator: 'gte', value: 80, baseline: null },
      { comparator: 'lte', value: 60, baseline: null },
      { comparator: 'eq', value: 100, baseline: null },
      { comparator: 'change_by', value: 5, baseline: 2024 },
      { comparator: 'change_by', value: -3, baseline: 2025 },
      { comparator: 'improve', value: null, baseline: 2025 },
      { comparator: 'improve', value: null, baseline: 2024 },
    ];
    let compared = 0;
    let fullPoints = 0;
    let trimmedPoints = 0;
    for (const asOf of ['2023', '2024-Q4', '2024', '2025-H1', '2025', '2026-Q2', '2026']) {
      const year = Number(asOf.slice(0, 4));
      const full = await scope.series(ids, ['verified'], asOf);
      const codes = [...new Set([...full.values()].flatMap((byCode) => [...byCode.keys()]))];
      const trimmed = await scope.evaluationSeries(ids, ['verified'], asOf, codes, [2024, 2025]);
      for (const [unitId, byCode] of full) {
        for (const [code, points] of byCode) {
          const kept = trimmed.get(unitId)?.get(code) ?? [];
          fullPoints += points.length;
          trimmedPoints += kept.length;
          for (const { comparator, value, baseline } of comparators)
            for (const dueYear of [year, year + 2]) {
              const target = buildTarget({
                indicatorCode: code,
                comparator,
                value,
                dueYear,
                baselineYear: baseline,
              });
              const indicator = findIndicator(code);
              expect(
                evaluateTarget(target, indicator, kept, { asOf }),
                `${unitId} ${code} ${asOf} ${comparator}`,
              ).toEqual(evaluateTarget(target, indicator, points, { asOf }));
              compared += 1;
            }
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
    expect(trimmedPoints).toBeLessThan(fullPoints);
  });
});
