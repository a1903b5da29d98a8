import { compareVi, type TUnitWithClassifications } from '@commune-bench/domain';
import { useMemo } from 'react';
import { useCurrentUser } from '../../auth/hooks/use-current-user';
import { useUnit } from '../api/get-unit';
import { useUnits } from '../api/list-units';
import { defaultUnitYear } from './use-unit-filters';

/**
 * The units the user may pick: every unit in scope for reviewers and admins, their own unit for
 * commune staff (read by id: it is the only one they may see).
 */
export function useSelectableUnits(): {
  units: TUnitWithClassifications[];
  isPending: boolean;
  error: Error | null;
} {
  const user = useCurrentUser();
  const ownUnitId = user.role === 'commune_staff' ? (user.scope.unitId ?? undefined) : undefined;
  const own = useUnit(ownUnitId);
  const list = useUnits({ year: defaultUnitYear() });
  const staff = user.role === 'commune_staff';
  const listUnits = list.data;
  const ownUnit = own.data;
  const units = useMemo(() => {
    if (staff) return ownUnit ? [ownUnit] : [];
    return [...(listUnits ?? [])].sort((a, b) => compareVi(a.name, b.name));
  }, [staff, ownUnit, listUnits]);
  return staff
    ? { units, isPending: own.isPending && ownUnitId !== undefined, error: own.error }
    : { units, isPending: list.isPending, error: list.error };
}
