import { describe, expect, it } from 'vitest';
import { buildPath, matchPath } from './router';

describe('matchPath', () => {
  it.each([
    ['/units/:id', '/units/abc', { id: 'abc' }],
    ['/units/:id', '/units/abc/', { id: 'abc' }],
    ['/units/:id', '/units', null],
    ['/units', '/units/abc', null],
    ['/plans/import', '/plans/import', {}],
    ['/units/:id', '/units/%C3%B4', { id: 'ô' }],
  ])('%s ~ %s', (pattern, path, expected) => {
    expect(matchPath(pattern, path)).toEqual(expected);
  });
});

describe('buildPath', () => {
  it('leaves out empty values', () => {
    expect(buildPath('/plans', { unit: 'a', plan: undefined, q: '' })).toBe('/plans?unit=a');
    expect(buildPath('/plans')).toBe('/plans');
  });
});
