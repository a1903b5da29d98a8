import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { startSession } from '../../../lib/auth-store';
import {
  buildLoginResponse,
  buildMe,
  buildProvince,
  buildRankedRow,
  buildRankingView,
} from '../../../test/builders';
import { json, mockApi, mockJobs } from '../../../test/mock-api';
import { openUrl, renderWithProviders } from '../../../test/render-app';
import { RankingsPage } from './rankings-page';

// ECharts draws nothing under happy-dom; the chart's option is tested apart.
vi.mock('../../../components/echart', () => ({
  EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

const HANOI = buildProvince({ code: 'HNI', name: 'Thành phố Hà Nội', kind: 'thanh_pho' });

function signInAsHanoiReviewer() {
  startSession(
    buildLoginResponse({
      user: buildMe({ role: 'reviewer', scope: { provinces: ['HNI'], unitId: null } }),
    }),
  );
}

const VIEW = buildRankingView({
  rows: [
    buildRankedRow({
      unitId: 'soc-son',
      unitName: 'Sóc Sơn',
      rank: 1,
      value: 0.8529,
      displayValue: '0,8529',
      previousRank: 2,
      change: 1,
    }),
    buildRankedRow({
      unitId: 'phu-xuyen',
      unitName: 'Phú Xuyên',
      rank: 2,
      value: 0.8461,
      displayValue: '0,8461',
      previousRank: 1,
      change: -1,
    }),
    buildRankedRow({
      unitId: 'dan-phuong',
      unitName: 'Đan Phượng',
      rank: 2,
      value: 0.8461,
      displayValue: '0,8461',
      previousRank: 2,
      change: 0,
    }),
    buildRankedRow({
      unitId: 'o-dien',
      unitName: 'Ô Diên',
      rank: 4,
      value: 0.6614,
      displayValue: '0,6614',
      isNew: true,
    }),
  ],
  excluded: [
    { unitId: 'hung-dao', unitName: 'Hưng Đạo', reason: 'not_verified' },
    { unitId: 'tay-phuong', unitName: 'Tây Phương', reason: 'no_data' },
  ],
  total: 4,
});

function rowOf(name: string): HTMLElement {
  const row = screen.getByText(name).closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

describe('RankingsPage', () => {
  it("opens the reviewer's province xã loại I, and shows ranks, ties, arrows, left-out units and the method", async () => {
    signInAsHanoiReviewer();
    const api = mockApi({
      'GET /api/rankings': () => json(VIEW),
      'GET /api/comparisons': () => json({ period: '2026', units: [], rows: [] }),
      'GET /api/provinces': () => json([HANOI]),
      'GET /api/indicators': () => json([]),
      'GET /api/auth/me': () =>
        json(buildMe({ role: 'reviewer', scope: { provinces: ['HNI'], unitId: null } })),
    });
    openUrl('/rankings?indicator=CQS.DTI&period=2026');
    renderWithProviders(<RankingsPage />);

    await screen.findByText('Sóc Sơn');
    expect(Object.fromEntries(new URLSearchParams(window.location.search))).toMatchObject({
      province: 'HNI',
      type: 'xa',
      class: 'I',
    });
    const sent = api.requestsTo('GET /api/rankings').at(-1);
    expect(Object.fromEntries(sent?.url.searchParams ?? [])).toEqual({
      indicator: 'CQS.DTI',
      period: '2026',
      province: 'HNI',
      type: 'xa',
      class: 'I',
      ties: 'competition',
      include: 'verified',
    });

    expect(within(rowOf('Sóc Sơn')).getByText('▲ 1')).toBeTruthy();
    expect(within(rowOf('Phú Xuyên')).getByText('▼ 1')).toBeTruthy();
    expect(within(rowOf('Đan Phượng')).getByText('=')).toBeTruthy();
    expect(within(rowOf('Ô Diên')).getByText('Mới')).toBeTruthy();
    // The two units tied on the rounded value share rank 2 and say so; the next is 4.
    expect(within(rowOf('Phú Xuyên')).getByText('đồng hạng')).toBeTruthy();
    expect(within(rowOf('Đan Phượng')).getByText('đồng hạng')).toBeTruthy();
    expect(within(rowOf('Sóc Sơn')).queryByText('đồng hạng')).toBeNull();
    expect(within(rowOf('Ô Diên')).getAllByText('4')).toBeTruthy();
    // Top 10 highlighted by default.
    expect(rowOf('Ô Diên').className).toContain('league-row-top');

    const left = within(screen.getByRole('region', { name: 'Đơn vị không được xếp hạng' }));
    expect(left.getByText('Hưng Đạo')).toBeTruthy();
    expect(left.getByText('Kết quả chưa được thẩm định')).toBeTruthy();
    expect(left.getByText('Chưa có số liệu kỳ này')).toBeTruthy();

    const method = within(screen.getByRole('region', { name: 'Phương pháp xếp hạng' }));
    expect(
      method.getByText('xã loại I, tỉnh/thành Thành phố Hà Nội (4 đơn vị được xếp hạng)'),
    ).toBeTruthy();
    expect(method.getByText('năm 2026, so với năm 2025')).toBeTruthy();
    expect(method.getByText(/4 chữ số thập phân/)).toBeTruthy();
    expect(method.getByText('đã thẩm định')).toBeTruthy();
    expect(screen.getByRole('img', { name: /Biểu đồ cột: giá trị của 4 đơn vị/ })).toBeTruthy();
  });

  it('highlights only the chosen top N, and marks the own unit of commune staff in bold', async () => {
    startSession(
      buildLoginResponse({
        user: buildMe({ role: 'commune_staff', scope: { provinces: null, unitId: 'o-dien' } }),
      }),
    );
    mockApi({
      'GET /api/rankings': () => json(VIEW),
      'GET /api/comparisons': () => json({ period: '2026', units: [], rows: [] }),
      'GET /api/provinces': () => json([HANOI]),
      'GET /api/indicators': () => json([]),
      'GET /api/units/o-dien': () => json({}),
    });
    openUrl('/rankings?indicator=CQS.DTI&period=2026&province=HNI&type=xa&class=I&top=2');
    renderWithProviders(<RankingsPage />);

    await screen.findByText('Sóc Sơn');
    expect(rowOf('Sóc Sơn').className).toContain('league-row-top');
    expect(rowOf('Đan Phượng').className).toContain('league-row-top');
    expect(rowOf('Ô Diên').className).not.toContain('league-row-top');
    expect(rowOf('Ô Diên').className).toContain('league-row-own');
    expect(within(rowOf('Ô Diên')).getByText('Đơn vị của bạn')).toBeTruthy();
    expect(screen.getByText('Ô Diên').closest('strong')).toBeTruthy();
    expect(screen.getByText('Sóc Sơn').closest('strong')).toBeNull();
    // Staff rank on verified results only: no switch to admit submitted ones.
    expect(screen.queryByText(/Tính cả kết quả đã gửi/)).toBeNull();
  });

  it("exports with the view's parameters and shows the server's refusal", async () => {
    signInAsHanoiReviewer();
    // The browser's download: a blob URL and a click on a hidden link (not followed here).
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:report');
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockReturnValue(undefined);
    const api = mockApi({
      'GET /api/rankings': () => json(VIEW),
      'GET /api/comparisons': () => json({ period: '2026', units: [], rows: [] }),
      'GET /api/provinces': () => json([HANOI]),
      'GET /api/indicators': () => json([]),
      'GET /api/reports/ranking.xlsx': () => ({
        status: 200,
        raw: new Blob(['PK']),
        headers: { 'Content-Disposition': `attachment; filename*=UTF-8''xep-hang.xlsx` },
      }),
      'GET /api/reports/ranking.pdf': () =>
        json({ code: 'report_failed', message: 'Không tạo được tệp PDF.' }, 500),
    });
    const user = userEvent.setup();
    openUrl('/rankings?indicator=CQS.DTI&period=2026&province=HNI&type=xa&class=I&ties=dense');
    renderWithProviders(<RankingsPage />);
    await screen.findByText('Sóc Sơn');

    await user.click(screen.getByRole('button', { name: 'Xuất Excel' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(createObjectURL).toHaveBeenCalled();
    const report = api.requestsTo('GET /api/reports/ranking.xlsx')[0];
    const ranking = api.requestsTo('GET /api/rankings').at(-1);
    expect(Object.fromEntries(report?.url.searchParams ?? [])).toEqual(
      Object.fromEntries(ranking?.url.searchParams ?? []),
    );
    expect(report?.url.searchParams.get('ties')).toBe('dense');

    await user.click(screen.getByRole('button', { name: 'Xuất PDF' }));
    expect(await screen.findByText('Không tạo được tệp PDF.')).toBeTruthy();
    vi.restoreAllMocks();
  });

  it('exports a ranking of more than 500 units as a background job with the same parameters', async () => {
    signInAsHanoiReviewer();
    const rows = Array.from({ length: 501 }, (_unused, index) =>
      buildRankedRow({ rank: index + 1, unitName: `Xã Số ${index + 1}` }),
    );
    const api = mockApi({
      'GET /api/rankings': () => json(buildRankingView({ rows, total: rows.length })),
      'GET /api/comparisons': () => json({ period: '2026', units: [], rows: [] }),
      'GET /api/provinces': () => json([HANOI]),
      'GET /api/indicators': () => json([]),
      ...mockJobs({ exports: { steps: [{ status: 'running', progress: 20 }] } }),
    });
    const user = userEvent.setup();
    openUrl('/rankings?indicator=CQS.DTI&period=2026&type=xa&class=I');
    renderWithProviders(<RankingsPage />);
    await screen.findByText('Xã Số 1');

    expect(screen.getByText(/Bảng có 501 đơn vị: tệp được tạo dưới nền/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Xuất CSV' }));
    expect(await screen.findByRole('status', { name: 'Xuất bảng xếp hạng (CSV)' })).toBeTruthy();
    const ranking = api.requestsTo('GET /api/rankings').at(-1);
    expect(api.requestsTo('POST /api/jobs/exports')[0]?.body).toEqual({
      report: 'ranking',
      format: 'csv',
      query: Object.fromEntries(ranking?.url.searchParams ?? []),
    });
    expect(api.requestsTo('GET /api/reports/ranking.csv')).toHaveLength(0);
  });

  it("shows the API's refusal of a cohort outside the user's scope", async () => {
    signInAsHanoiReviewer();
    mockApi({
      'GET /api/rankings': () =>
        json(
          { code: 'forbidden', message: 'Nhóm xếp hạng nằm ngoài các tỉnh/thành được giao.' },
          403,
        ),
      'GET /api/provinces': () => json([HANOI]),
      'GET /api/indicators': () => json([]),
    });
    openUrl('/rankings?indicator=CQS.DTI&period=2026&province=BDH&type=xa');
    renderWithProviders(<RankingsPage />);
    expect(await screen.findByText('Không tải được bảng xếp hạng.')).toBeTruthy();
    expect(screen.getByText('Nhóm xếp hạng nằm ngoài các tỉnh/thành được giao.')).toBeTruthy();
  });
});
