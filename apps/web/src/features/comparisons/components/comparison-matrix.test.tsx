import type { TComparisonView } from '@commune-bench/domain';
import { findIndicator } from '@commune-bench/domain';
import { buildTarget } from '@commune-bench/domain/testing';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test/render-app';
import { ComparisonMatrix, STATUS_BACKGROUNDS } from './comparison-matrix';

const attainment = (
  status: 'met' | 'off_track' | 'no_data' | 'on_track',
  actual: number | null,
) => ({
  status,
  ratio: null,
  gap: null,
  actual,
  actualPeriod: actual === null ? null : '2025',
  explanation: `giải thích ${status}`,
});

const VIEW: TComparisonView = {
  period: '2025',
  units: [
    { id: 'a', name: 'Hưng Thịnh', type: 'xa', provinceCode: null },
    { id: 'b', name: 'Ô Diên', type: 'xa', provinceCode: 'HNI' },
    { id: 'c', name: 'Hoài Hảo', type: 'phuong', provinceCode: 'BDH' },
  ],
  rows: [
    {
      indicatorCode: 'TTHC.ONTIME',
      area: 'TTHC',
      cells: [
        {
          unitId: 'a',
          target: buildTarget({ comparator: 'gte', value: 98, dueYear: 2025 }),
          attainment: attainment('met', 99.1),
          mostAmbitious: true,
          leastAmbitious: false,
        },
        {
          unitId: 'b',
          target: buildTarget({ comparator: 'gte', value: 90, dueYear: 2027 }),
          attainment: attainment('off_track', 80),
          mostAmbitious: false,
          leastAmbitious: true,
        },
        {
          unitId: 'c',
          target: null,
          attainment: null,
          mostAmbitious: false,
          leastAmbitious: false,
        },
      ],
      unitsWithoutTarget: ['c'],
    },
    {
      indicatorCode: 'CQS.DTI',
      area: 'CQS',
      cells: [
        {
          unitId: 'a',
          target: null,
          attainment: null,
          mostAmbitious: false,
          leastAmbitious: false,
        },
        {
          unitId: 'b',
          target: buildTarget({
            indicatorCode: 'CQS.DTI',
            comparator: 'top_n',
            value: 10,
            unit: 'rank',
            dueYear: 2030,
          }),
          attainment: attainment('on_track', 8),
          mostAmbitious: false,
          leastAmbitious: false,
        },
        {
          unitId: 'c',
          target: buildTarget({ comparator: 'gte', value: 50, dueYear: 2024 }),
          attainment: attainment('no_data', null),
          mostAmbitious: false,
          leastAmbitious: false,
        },
      ],
      unitsWithoutTarget: ['a'],
    },
  ],
};

function cellOf(rowText: string, column: number): HTMLElement {
  const row = screen.getByText(rowText).closest('tr');
  const cell = row?.querySelectorAll('td')[column];
  if (!cell) throw new Error(`no cell ${column} in row ${rowText}`);
  return cell;
}

describe('ComparisonMatrix', () => {
  it('shows each unit’s target, latest result and status colour, by reform area, with the ambition marks', () => {
    renderWithProviders(<ComparisonMatrix view={VIEW} lookup={findIndicator} loading={false} />);

    // Areas in the order plans list them, each a heading row.
    const headings = screen.getAllByText(/\(\d chỉ số\)$/).map((element) => element.textContent);
    expect(headings).toEqual([
      'Cải cách thủ tục hành chính (1 chỉ số)',
      'Xây dựng, phát triển chính quyền điện tử, chính quyền số (1 chỉ số)',
    ]);
    const header = screen.getAllByRole('columnheader').map((element) => element.textContent);
    expect(header).toEqual(['Chỉ số', 'xã Hưng Thịnh', 'xã Ô Diên', 'phường Hoài Hảo']);

    const hungThinh = cellOf('TTHC.ONTIME', 1);
    expect(within(hungThinh).getByText('tối thiểu 98,0%')).toBeTruthy();
    expect(within(hungThinh).getByText('Kết quả: 99,1% (năm 2025)')).toBeTruthy();
    expect(within(hungThinh).getByText('Đạt')).toBeTruthy();
    expect(within(hungThinh).getByText('▲ Cao nhất')).toBeTruthy();
    expect(hungThinh.style.background).toBe(STATUS_BACKGROUNDS.met);

    const oDien = cellOf('TTHC.ONTIME', 2);
    expect(within(oDien).getByText('Chậm tiến độ')).toBeTruthy();
    expect(within(oDien).getByText('▼ Thấp nhất')).toBeTruthy();
    expect(within(oDien).queryByText('▲ Cao nhất')).toBeNull();
    expect(oDien.style.background).toBe(STATUS_BACKGROUNDS.off_track);

    expect(within(cellOf('TTHC.ONTIME', 3)).getByText('Không có chỉ tiêu')).toBeTruthy();

    // A rank target's result is the rank, not the DTI score.
    const dti = cellOf('CQS.DTI', 2);
    expect(within(dti).getByText('top 10')).toBeTruthy();
    expect(within(dti).getByText('Kết quả: hạng 8 (năm 2025)')).toBeTruthy();
    expect(within(cellOf('CQS.DTI', 3)).getByText('Chưa có kết quả')).toBeTruthy();
    expect(within(cellOf('CQS.DTI', 3)).getByText('Chưa có số liệu')).toBeTruthy();
  });
});
