import {
  INDICATOR_CATALOG,
  REFORM_AREAS,
  REFORM_AREA_NAMES_VI,
  foldVi,
} from '@commune-bench/domain';
import { Select } from 'antd';
import { useMemo } from 'react';
import { useIndicators } from '../api/list-indicators';

export const COMPOSITE = 'composite';
export const COMPOSITE_LABEL = 'Điểm thực hiện chỉ tiêu (tổng hợp)';

interface IndicatorOption {
  value: string;
  label: string;
  /** Name, code and aliases, folded for search. */
  search: string;
}

interface IndicatorSelectProps {
  /** Given by the page, or by a Form.Item around it. */
  value?: string | null | undefined;
  onChange?: (code: string) => void;
  allowClear?: boolean;
  /** Offer the composite attainment score first. */
  withComposite?: boolean;
  /** Only these codes (e.g. the indicators a comparison has). */
  only?: readonly string[];
  ariaLabel?: string;
  width?: number | string;
}

/** An indicator from the catalog, grouped by reform area; search ignores diacritics. */
export function IndicatorSelect({
  value,
  onChange,
  withComposite = false,
  only,
  ariaLabel = 'Chỉ số',
  width = 380,
  allowClear = false,
}: IndicatorSelectProps) {
  const { data, isPending } = useIndicators();
  const catalog = data ?? INDICATOR_CATALOG;

  const options = useMemo(() => {
    const allowed = only ? new Set(only) : null;
    const groups = REFORM_AREAS.map((area) => ({
      label: REFORM_AREA_NAMES_VI[area],
      options: catalog
        .filter((indicator) => indicator.area === area && (!allowed || allowed.has(indicator.code)))
        .map<IndicatorOption>((indicator) => ({
          value: indicator.code,
          label: indicator.nameVi,
          search: foldVi([indicator.nameVi, indicator.code, ...indicator.aliases].join(' ')),
        })),
    })).filter((group) => group.options.length > 0);
    return withComposite
      ? [
          {
            label: 'Tổng hợp',
            options: [
              {
                value: COMPOSITE,
                label: COMPOSITE_LABEL,
                search: foldVi(`${COMPOSITE_LABEL} tong hop composite`),
              },
            ],
          },
          ...groups,
        ]
      : groups;
  }, [catalog, only, withComposite]);

  return (
    <Select<string>
      aria-label={ariaLabel}
      placeholder="Chọn chỉ số"
      loading={isPending && !data}
      value={value ?? undefined}
      onChange={onChange}
      allowClear={allowClear}
      options={options}
      showSearch={{
        filterOption: (input, option) => {
          const search = (option as Partial<IndicatorOption> | undefined)?.search;
          return search !== undefined && search.includes(foldVi(input.trim()));
        },
      }}
      style={{ width }}
      popupMatchSelectWidth={false}
    />
  );
}
