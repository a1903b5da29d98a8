import { describe, expect, it } from 'vitest';
import { ZIndicator, ZResult, ZTarget, ZUnit, ZUnitClassification } from '../schemas.js';
import {
  buildClassification,
  buildIndicator,
  buildResult,
  buildTarget,
  buildUnit,
} from './index.js';

describe('test builders', () => {
  it.each([
    ['buildUnit', () => buildUnit(), ZUnit],
    ['buildClassification', () => buildClassification(), ZUnitClassification],
    ['buildIndicator', () => buildIndicator(), ZIndicator],
    ['buildTarget', () => buildTarget(), ZTarget],
    ['buildResult', () => buildResult(), ZResult],
  ] as const)('%s returns a schema-valid object', (_name, build, schema) => {
    const built = build();
    expect(schema.parse(built)).toEqual(built);
  });

  it('gives unique ids and fresh objects on each call', () => {
    const [a, b] = [buildUnit(), buildUnit()];
    expect(a.id).not.toBe(b.id);
    expect(a.code).not.toBe(b.code);
    expect(buildTarget().id).not.toBe(buildTarget().id);
    expect(buildResult().id).not.toBe(buildResult().id);
    const [x, y] = [buildIndicator(), buildIndicator()];
    expect(x.code).not.toBe(y.code);
    expect(x.aliases).not.toBe(y.aliases);
  });

  it('applies overrides', () => {
    expect(buildUnit({ id: 'u-1', type: 'phuong', provinceCode: null })).toMatchObject({
      id: 'u-1',
      type: 'phuong',
      provinceCode: null,
    });
    expect(
      buildTarget({ comparator: 'top_n', value: 10, unit: 'rank', cohort: { classes: ['I'] } }),
    ).toMatchObject({ comparator: 'top_n', value: 10, cohort: { classes: ['I'] } });
    expect(
      buildClassification({ unitId: 'u-1', class: 'III', validTo: '2026-12-31' }),
    ).toMatchObject({ unitId: 'u-1', class: 'III', validTo: '2026-12-31' });
    expect(buildResult({ period: '2026-Q2', value: null, status: 'submitted' })).toMatchObject({
      period: '2026-Q2',
      value: null,
      status: 'submitted',
    });
  });

  it('derives the indicator code from an overridden area', () => {
    expect(buildIndicator({ area: 'CQS' }).code).toMatch(/^CQS\.TEST_\d+$/);
  });

  it('rejects overrides that break the schema', () => {
    expect(() => buildTarget({ dueYear: 1800 })).toThrow();
    expect(() => buildResult({ period: '2025-Q5' })).toThrow();
    expect(() => buildUnit({ extra: 1 } as never)).toThrow();
  });
});
