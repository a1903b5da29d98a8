import { foldVi, type TUnitWithClassifications } from '@commune-bench/domain';
import { Select } from 'antd';
import { useMemo } from 'react';
import { useProvinces } from '../api/list-provinces';
import { formatUnitName } from '../utils/unit-labels';

interface UnitOption {
  value: string;
  label: string;
  search: string;
}

interface UnitSelectBaseProps {
  units: readonly TUnitWithClassifications[];
  loading?: boolean;
  ariaLabel?: string;
  placeholder?: string;
  width?: number | string;
  disabled?: boolean;
}

interface SingleUnitSelectProps extends UnitSelectBaseProps {
  mode?: undefined;
  value: string | undefined;
  onChange: (unitId: string | undefined) => void;
}

interface MultipleUnitSelectProps extends UnitSelectBaseProps {
  mode: 'multiple';
  value: string[];
  onChange: (unitIds: string[]) => void;
  max?: number;
}

/** `xã Ô Diên — Thành phố Hà Nội`: the province disambiguates communes of the same name. */
export function useUnitOptions(units: readonly TUnitWithClassifications[]): UnitOption[] {
  const { data: provinces } = useProvinces();
  return useMemo(() => {
    const names = new Map((provinces ?? []).map((province) => [province.code, province.name]));
    return units.map((unit) => {
      const province = unit.provinceCode ? (names.get(unit.provinceCode) ?? unit.provinceCode) : '';
      const label = province ? `${formatUnitName(unit)} — ${province}` : formatUnitName(unit);
      return { value: unit.id, label, search: foldVi(`${label} ${unit.code}`) };
    });
  }, [units, provinces]);
}

function matches(input: string, option: UnitOption | undefined): boolean {
  return option !== undefined && option.search.includes(foldVi(input.trim()));
}

/** Pick one or several units; typing `o dien` finds `xã Ô Diên` (diacritics are ignored). */
export function UnitSelect(props: SingleUnitSelectProps | MultipleUnitSelectProps) {
  const options = useUnitOptions(props.units);
  const common = {
    'aria-label': props.ariaLabel ?? 'Đơn vị',
    placeholder: props.placeholder ?? 'Chọn đơn vị (gõ tên, có dấu hoặc không dấu)',
    loading: props.loading,
    disabled: props.disabled,
    options,
    showSearch: { filterOption: matches },
    style: { width: props.width ?? 360 },
  };
  if (props.mode === 'multiple') {
    const { max, value, onChange } = props;
    return (
      <Select<string[], UnitOption>
        {...common}
        mode="multiple"
        value={value}
        maxCount={max}
        onChange={onChange}
      />
    );
  }
  return (
    <Select<string, UnitOption>
      {...common}
      allowClear
      value={props.value}
      onChange={(unitId) => props.onChange(unitId ?? undefined)}
    />
  );
}
