import type { TUserScope } from '@commune-bench/domain';
import { describe, expect, it } from 'vitest';
import { describeScope } from './describe-user';

describe('describeScope', () => {
  it.each<[TUserScope, string | null]>([
    [{ provinces: 'all', unitId: null }, 'Tất cả tỉnh/thành'],
    [{ provinces: ['HNI', 'HUE'], unitId: null }, 'HNI, HUE'],
    [{ provinces: [], unitId: null }, 'Chưa được giao tỉnh/thành'],
    [{ provinces: null, unitId: 'unit-1' }, 'Đơn vị được giao'],
    [{ provinces: null, unitId: null }, null],
  ])('%j → %s', (scope, expected) => {
    expect(describeScope(scope)).toBe(expected);
  });
});
