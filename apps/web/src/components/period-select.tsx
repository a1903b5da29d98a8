import { formatPeriodVi, isValidPeriod } from '@commune-bench/domain';
import { Select } from 'antd';
import { useMemo } from 'react';

interface PeriodSelectProps {
  value: string;
  onChange: (period: string) => void;
  /** Also offer halves and quarters of each year (results are reported by them too). */
  withSubPeriods?: boolean;
  ariaLabel?: string;
}

const FIRST_YEAR = 2020;

/** The periods offered: years from 2020 to two years ahead (and halves and quarters), newest first. */
export function periodOptions(
  withSubPeriods: boolean,
  current: string,
  now = new Date(),
): { value: string; label: string }[] {
  const lastYear = now.getFullYear() + 2;
  const periods: string[] = [];
  for (let year = lastYear; year >= FIRST_YEAR; year -= 1) {
    periods.push(String(year));
    if (withSubPeriods) {
      periods.push(
        `${year}-H1`,
        `${year}-H2`,
        `${year}-Q1`,
        `${year}-Q2`,
        `${year}-Q3`,
        `${year}-Q4`,
      );
    }
  }
  if (isValidPeriod(current) && !periods.includes(current)) periods.unshift(current);
  return periods.map((period) => ({ value: period, label: formatPeriodVi(period) }));
}

export function PeriodSelect({
  value,
  onChange,
  withSubPeriods = false,
  ariaLabel = 'Kỳ',
}: PeriodSelectProps) {
  const options = useMemo(() => periodOptions(withSubPeriods, value), [withSubPeriods, value]);
  return (
    <Select
      aria-label={ariaLabel}
      value={value}
      onChange={onChange}
      options={options}
      showSearch={{
        filterOption: (input, option) =>
          option !== undefined &&
          `${option.label} ${option.value}`.toLowerCase().includes(input.trim().toLowerCase()),
      }}
      style={{ width: withSubPeriods ? 220 : 150 }}
    />
  );
}
