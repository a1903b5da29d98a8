import { describe, expect, it } from 'vitest';
import { applyUnitFilterChanges, parseUnitFilters } from './use-unit-filters';

describe('parseUnitFilters', () => {
  it.each([
    ['', { year: 2026 }],
    ['?year=2024', { year: 2024 }],
    [
      '?province=HNI&type=phuong&class=special&year=2025&q=%20ba%20dinh%20',
      { province: 'HNI', type: 'phuong', class: 'special', year: 2025, q: 'ba dinh' },
    ],
    // Values the API would refuse are dropped, so a mistyped link still lists units.
    ['?type=lang&class=IV&year=1800', { year: 2026 }],
    ['?year=abc&q=%20%20', { year: 2026 }],
    ['?year=2025.5', { year: 2026 }],
  ])('%s', (search, expected) => {
    expect(parseUnitFilters(new URLSearchParams(search), 2026)).toEqual(expected);
  });
});

describe('applyUnitFilterChanges', () => {
  it('sets, trims and removes only the changed filters, keeping other params', () => {
    const params = new URLSearchParams('province=HNI&q=cu&tab=history');
    const next = applyUnitFilterChanges(params, {
      q: '  ba dinh ',
      province: undefined,
      year: 2024,
    });
    expect(next.toString()).toBe('q=ba+dinh&tab=history&year=2024');
    // The input is not changed.
    expect(params.toString()).toBe('province=HNI&q=cu&tab=history');
  });

  it('removes a filter set to an empty text', () => {
    expect(applyUnitFilterChanges(new URLSearchParams('q=x'), { q: '' }).toString()).toBe('');
  });
});
