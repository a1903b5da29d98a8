import type { TRole, TUserScope } from '@commune-bench/domain';

export const ROLE_LABELS: Record<TRole, string> = {
  admin: 'Quản trị',
  reviewer: 'Chuyên viên thẩm định',
  commune_staff: 'Cán bộ xã',
};

/** The user's scope in words: `Tất cả tỉnh/thành`, the province codes, or the assigned unit. */
export function describeScope(scope: TUserScope): string | null {
  const { provinces, unitId } = scope;
  if (provinces === 'all') return 'Tất cả tỉnh/thành';
  if (provinces !== null && provinces.length > 0) return provinces.join(', ');
  if (unitId !== null) return 'Đơn vị được giao';
  if (provinces !== null) return 'Chưa được giao tỉnh/thành';
  return null;
}
