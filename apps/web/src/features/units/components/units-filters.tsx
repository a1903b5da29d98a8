import { UNIT_CLASSES, foldVi, formatDateShortVi, type TProvince } from '@commune-bench/domain';
import { Button, Flex, Input, InputNumber, Select } from 'antd';
import { isValidYear, type UnitFilterChanges, type UnitFilters } from '../hooks/use-unit-filters';
import {
  FILTERABLE_UNIT_TYPES,
  UNIT_CLASS_LABELS,
  UNIT_TYPE_WORDS,
  capitalizeFirst,
} from '../utils/unit-labels';

interface UnitsFiltersProps {
  filters: UnitFilters;
  provinces: readonly TProvince[];
  provincesLoading: boolean;
  onChange: (changes: UnitFilterChanges) => void;
  onClear: () => void;
}

interface LabelledOption {
  label: string;
  value: string;
}

/** Diacritics-insensitive matching of an option's label: `ha noi` finds `Hà Nội`. */
function matchesLabel(input: string, option: LabelledOption | undefined): boolean {
  return option !== undefined && foldVi(option.label).includes(foldVi(input.trim()));
}

function provinceLabel(province: TProvince): string {
  return province.validTo === null
    ? province.name
    : `${province.name} (đến ${formatDateShortVi(province.validTo)})`;
}

const TYPE_OPTIONS: LabelledOption[] = FILTERABLE_UNIT_TYPES.map((type) => ({
  value: type,
  label: capitalizeFirst(UNIT_TYPE_WORDS[type]),
}));

const CLASS_OPTIONS: LabelledOption[] = UNIT_CLASSES.map((unitClass) => ({
  value: unitClass,
  label: UNIT_CLASS_LABELS[unitClass],
}));

export function UnitsFilters({
  filters,
  provinces,
  provincesLoading,
  onChange,
  onClear,
}: UnitsFiltersProps) {
  const provinceOptions: LabelledOption[] = provinces.map((province) => ({
    value: province.code,
    label: provinceLabel(province),
  }));

  return (
    <Flex wrap gap="small" role="search" aria-label="Bộ lọc đơn vị">
      <Input.Search
        // Re-mounted when the URL's `q` changes (back button, shared link), so it shows that value.
        key={filters.q ?? ''}
        defaultValue={filters.q}
        aria-label="Tìm đơn vị"
        placeholder="Tìm theo tên (gõ có dấu hoặc không dấu)"
        allowClear
        enterButton="Tìm"
        style={{ width: 320 }}
        onSearch={(value) => onChange({ q: value })}
      />
      <Select<string, LabelledOption>
        aria-label="Tỉnh/thành"
        placeholder="Tất cả tỉnh/thành"
        allowClear
        showSearch={{ filterOption: matchesLabel }}
        loading={provincesLoading}
        options={provinceOptions}
        value={filters.province}
        onChange={(province) => onChange({ province })}
        style={{ width: 240 }}
      />
      <Select<string, LabelledOption>
        aria-label="Loại hình đơn vị"
        placeholder="Tất cả loại hình"
        allowClear
        options={TYPE_OPTIONS}
        value={filters.type}
        onChange={(type) => onChange({ type: type as UnitFilterChanges['type'] })}
        style={{ width: 200 }}
      />
      <Select<string, LabelledOption>
        aria-label="Phân loại đơn vị"
        placeholder="Tất cả phân loại"
        allowClear
        options={CLASS_OPTIONS}
        value={filters.class}
        onChange={(unitClass) => onChange({ class: unitClass as UnitFilterChanges['class'] })}
        style={{ width: 170 }}
      />
      <InputNumber<number>
        aria-label="Năm"
        prefix="Năm"
        min={1990}
        max={2100}
        precision={0}
        value={filters.year}
        onChange={(year) => {
          if (year !== null && isValidYear(year)) onChange({ year });
        }}
        style={{ width: 130 }}
      />
      <Button onClick={onClear}>Xóa bộ lọc</Button>
    </Flex>
  );
}
