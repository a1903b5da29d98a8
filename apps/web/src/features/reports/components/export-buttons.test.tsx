import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { startSession } from '../../../lib/auth-store';
import { buildLoginResponse } from '../../../test/builders';
import { json, mockApi, mockJobs } from '../../../test/mock-api';
import { renderWithProviders } from '../../../test/render-app';
import { ExportButtons } from './export-buttons';

/** The browser's download: a blob URL and a click on a hidden link (not followed here). */
function spyOnDownloads() {
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:report');
  vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
  return vi.spyOn(HTMLAnchorElement.prototype, 'click').mockReturnValue(undefined);
}

const POLLS = { timeout: 10_000 };

describe('ExportButtons: exports as background jobs', () => {
  it('makes a ranking of more than 500 units as a job: progress, status, the file downloaded once, and again on “Tải lại”', async () => {
    const login = buildLoginResponse();
    startSession(login);
    const click = spyOnDownloads();
    const api = mockApi(
      mockJobs({
        exports: {
          steps: [
            { status: 'running', progress: 40 },
            {
              status: 'done',
              progress: 100,
              file: { name: 'Xếp hạng DTI 2026.xlsx', contentType: 'application/xlsx', size: 9 },
            },
          ],
        },
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(
      <ExportButtons
        kind="ranking"
        parameters={{ indicator: 'CQS.DTI', period: '2026', type: 'xa', top: 10, province: '' }}
        rowCount={3321}
      />,
    );

    expect(screen.getByText(/Bảng có 3\.321 đơn vị: tệp được tạo dưới nền/)).toBeTruthy();
    const background = screen.getByRole('checkbox', { name: 'Xuất dưới nền' });
    expect((background as HTMLInputElement).checked).toBe(true);
    expect(background.hasAttribute('disabled')).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Xuất Excel' }));

    const status = await screen.findByRole('status', { name: 'Xuất bảng xếp hạng (Excel)' });
    expect(within(status).getByText('Đang chờ')).toBeTruthy();
    expect(within(status).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('0');
    expect(api.requestsTo('POST /api/jobs/exports')[0]?.body).toEqual({
      report: 'ranking',
      format: 'xlsx',
      query: { indicator: 'CQS.DTI', period: '2026', type: 'xa', top: '10' },
    });
    expect(api.requestsTo('GET /api/reports/ranking.xlsx')).toHaveLength(0);

    expect(await within(status).findByText('Đang thực hiện', {}, POLLS)).toBeTruthy();
    expect(within(status).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('40');
    expect(await within(status).findByText('Hoàn thành', {}, POLLS)).toBeTruthy();

    expect(await screen.findByText('Đã tải tệp Xếp hạng DTI 2026.xlsx về máy.')).toBeTruthy();
    expect(click).toHaveBeenCalledTimes(1);
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('Xếp hạng DTI 2026.xlsx');
    const [fileRequest] = api.requestsTo('GET /api/jobs/:id/file');
    expect(fileRequest?.headers.get('Authorization')).toBe(`Bearer ${login.accessToken}`);

    // Done: no more polls, and no second download.
    const polls = api.requestsTo('GET /api/jobs/:id').length;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(api.requestsTo('GET /api/jobs/:id')).toHaveLength(polls);
    expect(api.requestsTo('GET /api/jobs/:id/file')).toHaveLength(1);
    expect(click).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('button', { name: 'Tải lại' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(2));
    expect(api.requestsTo('GET /api/jobs/:id/file')).toHaveLength(2);
  });

  it('sends any export to the background on request; a failed job and a refused one show their message', async () => {
    startSession(buildLoginResponse());
    const click = spyOnDownloads();
    const api = mockApi(
      mockJobs({
        exports: {
          steps: [
            { status: 'running', progress: 10 },
            {
              status: 'failed',
              progress: 10,
              error: { code: 'forbidden', message: 'Đơn vị Ô Diên nằm ngoài phạm vi được giao.' },
            },
          ],
        },
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(
      <ExportButtons kind="comparison" parameters={{ units: 'a,b', period: '2026' }} />,
    );

    expect(screen.queryByText(/Bảng có/)).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: 'Xuất dưới nền' }));
    await user.click(screen.getByRole('button', { name: 'Xuất PDF' }));

    const status = await screen.findByRole('status', { name: 'Xuất bảng so sánh (PDF)' });
    expect(await within(status).findByText('Lỗi', {}, POLLS)).toBeTruthy();
    expect(screen.getByText('Không xuất được báo cáo.')).toBeTruthy();
    expect(screen.getByText('Đơn vị Ô Diên nằm ngoài phạm vi được giao.')).toBeTruthy();
    expect(api.requestsTo('POST /api/jobs/exports')[0]?.body).toEqual({
      report: 'comparison',
      format: 'pdf',
      query: { units: 'a,b', period: '2026' },
    });
    expect(api.requestsTo('GET /api/jobs/:id/file')).toHaveLength(0);
    expect(click).not.toHaveBeenCalled();

    api.setRoute('POST /api/jobs/exports', () =>
      json({ code: 'validation_failed', message: 'Kỳ báo cáo không hợp lệ.', details: [] }, 400),
    );
    await user.click(screen.getByRole('button', { name: 'Xuất Word' }));
    expect(await screen.findByText('Không tạo được tác vụ xuất báo cáo.')).toBeTruthy();
    expect(screen.getByText('Kỳ báo cáo không hợp lệ.')).toBeTruthy();
  });
});
