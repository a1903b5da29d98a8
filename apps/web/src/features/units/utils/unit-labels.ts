import {
  formatDateShortVi,
  formatUnitClassVi,
  formatUnitNameVi,
  UNIT_TYPE_NAMES_VI,
  type TProvince,
  type TUnit,
  type TUnitClass,
  type TUnitType,
} from '@commune-bench/domain';

/** The Vietnamese word for a unit's type, as written before its name (`xã Ô Diên`). */
export const UNIT_TYPE_WORDS = UNIT_TYPE_NAMES_VI;

/** The types offered in the filter: communes (since 1/7/2025) and the district level before it. */
export const FILTERABLE_UNIT_TYPES: readonly TUnitType[] = [
  'xa',
  'phuong',
  'dac_khu',
  'thi_tran',
  'huyen',
  'thi_xa',
  'quan',
  'thanh_pho_thuoc_tinh',
];

export const UNIT_CLASS_LABELS: Record<TUnitClass, string> = {
  special: formatUnitClassVi('special'),
  I: formatUnitClassVi('I'),
  II: formatUnitClassVi('II'),
  III: formatUnitClassVi('III'),
};

export const NO_VALUE = '—';

export function capitalizeFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** `xã Ô Diên`, `thị xã Hương Trà`. */
export const formatUnitName: (unit: Pick<TUnit, 'type' | 'name'>) => string = formatUnitNameVi;

export function formatUnitClass(unitClass: TUnitClass | null): string {
  return unitClass === null ? NO_VALUE : UNIT_CLASS_LABELS[unitClass];
}

/** `từ 01/01/2020 đến 30/06/2025`, `từ 01/07/2025`, `đến 30/06/2025`, or `—` when neither is known. */
export function formatValidity(validFrom: string | null, validTo: string | null): string {
  const parts: string[] = [];
  if (validFrom !== null) parts.push(`từ ${formatDateShortVi(validFrom)}`);
  if (validTo !== null) parts.push(`đến ${formatDateShortVi(validTo)}`);
  return parts.length > 0 ? parts.join(' ') : NO_VALUE;
}

export const UNKNOWN_PROVINCE = 'Chưa rõ';

/** The province's name from the reference list, its code when the list lacks it, `Chưa rõ` for none. */
export function formatProvinceName(
  provinceCode: string | null,
  provincesByCode: ReadonlyMap<string, TProvince>,
): string {
  if (provinceCode === null) return UNKNOWN_PROVINCE;
  return provincesByCode.get(provinceCode)?.name ?? provinceCode;
}
