import {
  COMMUNE_TYPES,
  UNIT_CLASSES,
  foldVi,
  type TProvince,
  type TTieRule,
} from '@commune-bench/domain';
import { Checkbox, Flex, InputNumber, Select } from 'antd';
import { PeriodSelect } from '../../../components/period-select';
import { TIE_RULE_LABELS } from '../../../lib/vi-labels';
import { IndicatorSelect } from '../../indicators/components/indicator-select';
import { UNIT_CLASS_LABELS, UNIT_TYPE_WORDS, capitalizeFirst } from '../../units/utils/unit-labels';
import type { RankingFilterChanges, RankingFilters } from '../hooks/use-ranking-filters';

interface RankingsFiltersProps {
  filters: RankingFilters;
  /** The provinces the user may rank in; `nationwide` adds "Toàn quốc". */
  provinces: readonly TProvince[];
  nationwide: boolean;
  /** Commune staff rank on verified results only. */
  canIncludeSubmitted: boolean;
  onChange: (changes: RankingFilterChanges) => void;
}

const NATIONWIDE = '__all__';

export function RankingsFilters({
  filters,
  provinces,
  nationwide,
  canIncludeSubmitted,
  onChange,
}: RankingsFiltersProps) {
  const provinceOptions = [
    ...(nationwide ? [{ value: NATIONWIDE, label: 'Toàn quốc' }] : []),
    ...provinces.map((province) => ({ value: province.code, label: province.name })),
  ];
  return (
    <Flex wrap gap="small" role="search" aria-label="Bộ lọc xếp hạng" align="center">
      <IndicatorSelect
        withComposite
        value={filters.indicator}
        onChange={(indicator) => onChange({ indicator })}
      />
      <PeriodSelect value={filters.period} onChange={(period) => onChange({ period })} />
      <Select
        aria-label="Tỉnh/thành"
        value={filters.province ?? (nationwide ? NATIONWIDE : undefined)}
        placeholder="Chọn tỉnh/thành"
        options={provinceOptions}
        showSearch={{
          filterOption: (input, option) =>
            option !== undefined && foldVi(option.label).includes(foldVi(input.trim())),
        }}
        onChange={(province: string) =>
          onChange({ province: province === NATIONWIDE ? undefined : province })
        }
        style={{ width: 220 }}
      />
      <Select
        aria-label="Loại hình đơn vị"
        allowClear
        placeholder="Mọi loại hình"
        value={filters.type}
        options={COMMUNE_TYPES.map((type) => ({
          value: type,
          label: capitalizeFirst(UNIT_TYPE_WORDS[type]),
        }))}
        onChange={(type) => onChange({ type })}
        style={{ width: 150 }}
      />
      <Select
        aria-label="Phân loại đơn vị"
        allowClear
        placeholder="Mọi phân loại"
        value={filters.class}
        options={UNIT_CLASSES.map((unitClass) => ({
          value: unitClass,
          label: UNIT_CLASS_LABELS[unitClass],
        }))}
        onChange={(unitClass) => onChange({ class: unitClass })}
        style={{ width: 150 }}
      />
      <Select<TTieRule>
        aria-label="Quy tắc đồng hạng"
        value={filters.ties}
        options={(['competition', 'dense'] as const).map((rule) => ({
          value: rule,
          label: TIE_RULE_LABELS[rule],
        }))}
        onChange={(ties) => onChange({ ties })}
        style={{ width: 280 }}
        popupMatchSelectWidth={false}
      />
      <InputNumber<number>
        aria-label="Tô màu nhóm dẫn đầu"
        prefix="Top"
        min={1}
        max={1000}
        precision={0}
        value={filters.highlightTop}
        onChange={(top) => {
          if (top !== null) onChange({ highlightTop: top });
        }}
        style={{ width: 110 }}
      />
      {canIncludeSubmitted && (
        <Checkbox
          checked={filters.include === 'submitted'}
          onChange={(event) =>
            onChange({ include: event.target.checked ? 'submitted' : undefined })
          }
        >
          Tính cả kết quả đã gửi, chưa thẩm định (tạm tính)
        </Checkbox>
      )}
    </Flex>
  );
}
