import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { buildClassification } from '@commune-bench/domain/testing';
import { buildProvince, buildUnitListItem } from '../../../test/builders';
import { json, mockApi, type RecordedRequest } from '../../../test/mock-api';
import { openUrl, renderWithProviders } from '../../../test/render-app';
import { defaultUnitYear } from '../hooks/use-unit-filters';
import { UnitsPage } from './units-page';

const PROVINCES = [
  buildProvince({ code: 'HNI', name: 'Thành phố Hà Nội', kind: 'thanh_pho' }),
  buildProvince({ code: 'HUE', name: 'Thành phố Huế', kind: 'thanh_pho' }),
];

const O_DIEN = buildUnitListItem({
  name: 'Ô Diên',
  type: 'xa',
  provinceCode: 'HNI',
  classInYear: 'I',
  isDemo: false,
});
const BA_DINH = buildUnitListItem({
  name: 'Ba Đình',
  type: 'phuong',
  provinceCode: 'HNI',
  classInYear: null,
  classifications: [],
  isDemo: true,
});
const HUONG_TRA = buildUnitListItem({
  name: 'Hương Trà',
  type: 'thi_xa',
  provinceCode: 'HUE',
  validFrom: '2021-05-01',
  validTo: '2025-06-30',
  classInYear: 'III',
  notes: 'Sắp xếp theo Nghị quyết 1675/NQ-UBTVQH15.',
  classifications: [
    buildClassification({
      class: 'III',
      basis: 'Nghị định 54/2018/NĐ-CP',
      decisionNo: '123/QĐ-BNV',
      validFrom: '2021-05-01',
      validTo: '2025-06-30',
    }),
  ],
});
const PHU_QUOC = buildUnitListItem({
  name: 'Phú Quốc',
  type: 'dac_khu',
  provinceCode: null,
  classInYear: 'special',
});

function rowOf(unitName: string): HTMLElement {
  const row = screen.getByText(unitName).closest('tr');
  if (!row) throw new Error(`no table row for ${unitName}`);
  return row;
}

/** Only the filter params, so an assertion shows exactly what was sent. */
function sentFilters(request: RecordedRequest | undefined): Record<string, string> {
  if (!request) throw new Error('no request was sent');
  return Object.fromEntries(request.url.searchParams);
}

describe('UnitsPage', () => {
  it('lists units with Vietnamese type names, province names, class, validity and the demo tag', async () => {
    const api = mockApi({
      'GET /api/units': () => json([O_DIEN, BA_DINH, HUONG_TRA, PHU_QUOC]),
      'GET /api/provinces': () => json(PROVINCES),
    });
    openUrl('/units');
    renderWithProviders(<UnitsPage />);

    await screen.findByText('xã Ô Diên');
    await waitFor(() =>
      expect(within(rowOf('xã Ô Diên')).getByText('Thành phố Hà Nội')).toBeTruthy(),
    );

    const oDien = within(rowOf('xã Ô Diên'));
    expect(oDien.getByText('Loại I')).toBeTruthy();
    expect(oDien.getByText('từ 01/07/2025')).toBeTruthy();
    expect(oDien.queryByText('Dữ liệu minh họa')).toBeNull();
    expect(oDien.queryByText('Đã sắp xếp')).toBeNull();

    const baDinh = within(rowOf('phường Ba Đình'));
    expect(baDinh.getByText('Dữ liệu minh họa')).toBeTruthy();
    expect(baDinh.getByText('—')).toBeTruthy();

    const huongTra = within(rowOf('thị xã Hương Trà'));
    expect(huongTra.getByText('Thành phố Huế')).toBeTruthy();
    expect(huongTra.getByText('Loại III')).toBeTruthy();
    expect(huongTra.getByText('từ 01/05/2021 đến 30/06/2025')).toBeTruthy();
    expect(huongTra.getByText('Đã sắp xếp')).toBeTruthy();

    const phuQuoc = within(rowOf('đặc khu Phú Quốc'));
    expect(phuQuoc.getByText('Chưa rõ')).toBeTruthy();
    expect(phuQuoc.getByText('Loại đặc biệt')).toBeTruthy();

    // The page says in words that tagged units are generated data.
    expect(screen.getByText(/thuộc bộ dữ liệu sinh tự động để minh họa/)).toBeTruthy();

    // Not signed in: no token, and the year defaults to the current one.
    const [request] = api.requestsTo('GET /api/units');
    expect(sentFilters(request)).toEqual({ year: String(defaultUnitYear()) });
    expect(request?.headers.get('Authorization')).toBeNull();
  });

  it('shows the classification history and notes of an expanded row', async () => {
    mockApi({
      'GET /api/units': () => json([HUONG_TRA]),
      'GET /api/provinces': () => json(PROVINCES),
    });
    const user = userEvent.setup();
    renderWithProviders(<UnitsPage />);

    await screen.findByText('thị xã Hương Trà');
    await user.click(
      within(rowOf('thị xã Hương Trà')).getByRole('button', { name: 'Mở rộng dòng' }),
    );

    const details = await screen.findByRole('region', { name: 'Chi tiết thị xã Hương Trà' });
    expect(within(details).getByText('Lịch sử phân loại')).toBeTruthy();
    expect(within(details).getByText('Nghị định 54/2018/NĐ-CP')).toBeTruthy();
    expect(within(details).getByText('Số văn bản: 123/QĐ-BNV')).toBeTruthy();
    expect(within(details).getByText('từ 01/05/2021 đến 30/06/2025')).toBeTruthy();
    expect(within(details).getByText('Sắp xếp theo Nghị quyết 1675/NQ-UBTVQH15.')).toBeTruthy();
  });

  it('reads filters from the URL, writes changed filters to it and refetches with them', async () => {
    const api = mockApi({
      // A fake server that filters, so the rows on screen show which answer arrived.
      'GET /api/units': ({ url }) => {
        const q = url.searchParams.get('q');
        const type = url.searchParams.get('type');
        return json(
          [O_DIEN, BA_DINH].filter(
            (unit) =>
              (q === null || unit.name === 'Ba Đình') && (type === null || unit.type === type),
          ),
        );
      },
      'GET /api/provinces': () => json(PROVINCES),
    });
    const user = userEvent.setup();
    openUrl('/units?province=HNI&year=2024');
    renderWithProviders(<UnitsPage />);

    await screen.findByText('xã Ô Diên');
    expect(sentFilters(api.requestsTo('GET /api/units')[0])).toEqual({
      province: 'HNI',
      year: '2024',
    });

    await user.type(screen.getByRole('searchbox', { name: 'Tìm đơn vị' }), 'ba dinh{Enter}');

    await waitFor(() => expect(screen.queryByText('xã Ô Diên')).toBeNull());
    expect(screen.getByText('phường Ba Đình')).toBeTruthy();
    expect(Object.fromEntries(new URLSearchParams(window.location.search))).toEqual({
      province: 'HNI',
      year: '2024',
      q: 'ba dinh',
    });
    expect(sentFilters(api.requestsTo('GET /api/units').at(-1))).toEqual({
      province: 'HNI',
      year: '2024',
      q: 'ba dinh',
    });

    await user.click(screen.getByRole('combobox', { name: 'Loại hình đơn vị' }));
    await user.click(await screen.findByTitle('Phường'));

    await waitFor(() =>
      expect(new URLSearchParams(window.location.search).get('type')).toBe('phuong'),
    );
    await waitFor(() =>
      expect(sentFilters(api.requestsTo('GET /api/units').at(-1))).toEqual({
        province: 'HNI',
        type: 'phuong',
        year: '2024',
        q: 'ba dinh',
      }),
    );

    await user.click(screen.getByRole('button', { name: 'Xóa bộ lọc' }));
    await waitFor(() => expect(window.location.search).toBe(''));
    await screen.findByText('xã Ô Diên');
    expect(sentFilters(api.requestsTo('GET /api/units').at(-1))).toEqual({
      year: String(defaultUnitYear()),
    });
  });

  it('says so when no unit matches', async () => {
    mockApi({ 'GET /api/units': () => json([]), 'GET /api/provinces': () => json(PROVINCES) });
    renderWithProviders(<UnitsPage />);

    expect(await screen.findByText('Không có đơn vị phù hợp')).toBeTruthy();
  });

  it("shows the server's message when the list cannot be loaded", async () => {
    mockApi({
      'GET /api/units': () =>
        json({ code: 'invalid_input', message: 'Năm không hợp lệ (cho phép 1990–2100).' }, 400),
      'GET /api/provinces': () => json(PROVINCES),
    });
    renderWithProviders(<UnitsPage />);

    expect(await screen.findByText('Không tải được danh sách đơn vị.')).toBeTruthy();
    expect(screen.getByText('Năm không hợp lệ (cho phép 1990–2100).')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Thử lại' })).toBeTruthy();
  });
});
