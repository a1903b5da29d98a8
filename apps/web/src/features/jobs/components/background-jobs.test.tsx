import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { startSession } from '../../../lib/auth-store';
import { buildJobView, buildLoginResponse } from '../../../test/builders';
import { mockApi, mockJobs } from '../../../test/mock-api';
import { renderWithProviders } from '../../../test/render-app';
import { BackgroundJobsButton } from './background-jobs';

const RUNNING = buildJobView({
  kind: 'ranking_export',
  label: 'Xuất bảng xếp hạng (PDF)',
  status: 'running',
  progress: 35,
  createdAt: '2026-12-02T07:05:00.000Z',
});
const DONE = buildJobView({
  kind: 'ranking_export',
  label: 'Xuất bảng xếp hạng (Excel)',
  status: 'done',
  progress: 100,
  createdAt: '2026-12-02T06:00:00.000Z',
  finishedAt: '2026-12-02T06:01:00.000Z',
  file: { name: 'Xếp hạng toàn quốc.xlsx', contentType: 'application/xlsx', size: 2048 },
});
const IMPORTED = buildJobView({
  kind: 'results_import',
  label: 'Nhập kết quả từ tệp ket-qua.csv',
  status: 'done',
  progress: 100,
  importReport: { imported: 12, created: 10, updated: 2, errors: [] },
});
const FAILED = buildJobView({
  kind: 'results_import',
  label: 'Nhập kết quả từ tệp ket-qua-loi.xlsx',
  status: 'failed',
  progress: 20,
  error: { code: 'import_rejected', message: 'Tệp có 3 dòng lỗi; chưa ghi dòng nào.' },
});

describe('Tác vụ nền', () => {
  it('counts the unfinished jobs, lists the latest with their status, and downloads a finished export', async () => {
    startSession(buildLoginResponse());
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:report');
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockReturnValue(undefined);
    const api = mockApi(mockJobs({ list: [RUNNING, DONE, IMPORTED, FAILED] }));
    const user = userEvent.setup();
    renderWithProviders(<BackgroundJobsButton />);

    await waitFor(() =>
      expect(
        document.querySelector('[title="1 tác vụ đang chờ hoặc đang thực hiện"]'),
      ).toBeTruthy(),
    );
    await user.click(screen.getByRole('button', { name: 'Tác vụ nền' }));

    const drawer = within(await screen.findByRole('dialog'));
    const items = drawer.getAllByRole('listitem');
    expect(items.map((item) => item.getAttribute('aria-label'))).toEqual([
      'Xuất bảng xếp hạng (PDF)',
      'Xuất bảng xếp hạng (Excel)',
      'Nhập kết quả từ tệp ket-qua.csv',
      'Nhập kết quả từ tệp ket-qua-loi.xlsx',
    ]);
    const [running, done, imported, failed] = items.map((item) => within(item));
    expect(running?.getByText('Đang thực hiện')).toBeTruthy();
    expect(running?.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('35');
    expect(running?.getByText('Tạo lúc 14:05 02/12/2026')).toBeTruthy();
    expect(running?.queryByRole('button')).toBeNull();
    expect(done?.getByText('Hoàn thành')).toBeTruthy();
    expect(imported?.getByText(/Đã nhập 12 dòng: 10 kết quả mới, 2 kết quả cập nhật/)).toBeTruthy();
    expect(failed?.getByText('Lỗi')).toBeTruthy();
    expect(failed?.getByText('Tệp có 3 dòng lỗi; chưa ghi dòng nào.')).toBeTruthy();

    await user.click(
      done!.getByRole('button', { name: 'Tải tệp Xếp hạng toàn quốc.xlsx (2,0 KB)' }),
    );
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('Xếp hạng toàn quốc.xlsx');
    expect(api.requestsTo('GET /api/jobs/:id/file')[0]?.params.id).toBe(DONE.id);
  });

  it('says so when there is none', async () => {
    startSession(buildLoginResponse());
    mockApi(mockJobs());
    const user = userEvent.setup();
    renderWithProviders(<BackgroundJobsButton />);
    await user.click(screen.getByRole('button', { name: 'Tác vụ nền' }));
    expect(await screen.findByText('Chưa có tác vụ nền nào.')).toBeTruthy();
  });
});
