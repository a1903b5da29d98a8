import { describe, expect, it } from 'vitest';
import { compositeScore, targetContribution, type TCompositeItem } from './composite.js';
import type { TAttainmentStatus, TReformArea } from './schemas.js';

function item(
  area: TReformArea,
  status: TAttainmentStatus,
  ratio: number | null = null,
): TCompositeItem {
  return { area, attainment: { status, ratio } };
}

describe('targetContribution', () => {
  it.each<[TAttainmentStatus, number | null, number | null]>([
    ['met', null, 1],
    ['met', 1.2, 1],
    ['not_met', 0.8, 0.8],
    ['not_met', null, 0],
    ['not_met', -0.5, 0],
    ['on_track', null, 1],
    ['on_track', 0.7, 0.7],
    ['on_track', 1.5, 1],
    ['off_track', 0.6, 0.6],
    ['off_track', null, 0],
    ['no_data', null, 0], // a missing report is not a free pass
    ['no_data', 0.9, 0],
    ['not_applicable', null, null],
  ])('%s with ratio %s → %s', (status, ratio, expected) => {
    expect(targetContribution({ status, ratio })).toBe(expected);
  });
});

describe('compositeScore', () => {
  it.each<
    [
      string,
      TCompositeItem[],
      Partial<Record<TReformArea, number>> | undefined,
      number | null,
      number,
      number,
    ]
  >([
    ['nothing → null', [], undefined, null, 0, 0],
    ['only not applicable → null', [item('TTHC', 'not_applicable')], undefined, null, 0, 1],
    ['one met target', [item('TTHC', 'met', 1.1)], undefined, 100, 1, 0],
    ['one not met at 80%', [item('TTHC', 'not_met', 0.8)], undefined, 80, 1, 0],
    ['no data counts as 0', [item('TTHC', 'met'), item('TTHC', 'no_data')], undefined, 50, 2, 0],
    [
      'not applicable is skipped',
      [item('TTHC', 'met'), item('TTHC', 'not_applicable')],
      undefined,
      100,
      1,
      1,
    ],
    // Area means: TTHC (1 + 0.5) / 2 = 0.75, CQS 0 → equal weights: 37.5
    [
      'equal weights across areas, not across targets',
      [item('TTHC', 'met'), item('TTHC', 'not_met', 0.5), item('CQS', 'off_track')],
      undefined,
      37.5,
      3,
      0,
    ],
    // weights TTHC 3, CQS 1: (3 × 0.75 + 0) / 4 = 56.25
    [
      'weighted areas',
      [item('TTHC', 'met'), item('TTHC', 'not_met', 0.5), item('CQS', 'off_track')],
      { TTHC: 3 },
      56.25,
      3,
      0,
    ],
    [
      'weight 0 drops an area from the score',
      [item('TTHC', 'met'), item('CQS', 'not_met', 0.2)],
      { CQS: 0 },
      100,
      2,
      0,
    ],
    ['all weights 0 → null', [item('TTHC', 'met')], { TTHC: 0 }, null, 1, 0],
    [
      'weights of areas without targets do not matter',
      [item('TTHC', 'not_met', 0.4)],
      { CQS: 5 },
      40,
      1,
      0,
    ],
    // 2/3 × 100 = 66.666… → 66.67
    [
      'rounded to 2 decimals',
      [item('CVU', 'met'), item('CVU', 'met'), item('CVU', 'no_data')],
      undefined,
      66.67,
      3,
      0,
    ],
    [
      'on track without ratio counts 1',
      [item('CDDH', 'on_track'), item('CDDH', 'off_track')],
      undefined,
      50,
      2,
      0,
    ],
  ])('%s', (_name, items, weights, score, counted, skipped) => {
    const result = compositeScore(items, weights);
    expect(result.score).toBe(score);
    expect(result.counted).toBe(counted);
    expect(result.skipped).toBe(skipped);
    if (result.score !== null) {
      expect(result.score).toBeGreaterThanOrEqual(0);
      expect(result.score).toBeLessThanOrEqual(100);
    }
  });

  it('reports each area score and count', () => {
    const result = compositeScore([
      item('TTHC', 'met'),
      item('TTHC', 'not_met', 0.5),
      item('CQS', 'off_track'),
      item('CVU', 'not_applicable'),
    ]);
    expect(result.byArea).toEqual({ TTHC: { score: 75, count: 2 }, CQS: { score: 0, count: 1 } });
  });

  it.each([[{ TTHC: -1 }], [{ TTHC: Number.NaN }], [{ CQS: Number.POSITIVE_INFINITY }]])(
    'rejects weights %j',
    (weights) => {
      expect(() => compositeScore([item('TTHC', 'met')], weights)).toThrow(
        expect.objectContaining({ code: 'invalid_argument' }) as Error,
      );
    },
  );
});
