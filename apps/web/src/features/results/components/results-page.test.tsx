import type { TPlanDetail, TPlanSummary, TResultUpsert } from '@commune-bench/domain';
import { buildTarget } from '@commune-bench/domain/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { startSession } from '../../../lib/auth-store';
import {
  buildLoginResponse,
  buildMe,
  buildResultView,
  buildUnitListItem,
} from '../../../test/builders';
import { json, mockApi, mockJobs } from '../../../test/mock-api';
import { openUrl, renderWithProviders } from '../../../test/render-app';
import { ResultsPage } from './results-page';

const O_DIEN = buildUnitListItem({ id: 'o-dien', name: 'Ô Diên', type: 'xa', provinceCode: 'HNI' });

const PLAN: TPlanDetail = {
  id: 'plan-1',
  unitId: 'o-dien',
  title: 'Kế hoạch CCHC xã Ô Diên 2026-2030',
  kind: 'ke_hoach',
  documentNo: null,
  documentDate: null,
  issuer: null,
  status: 'draft',
  fromYear: 2026,
  toYear: 2030,
  phases: [],
  parentPlanId: null,
  sourceFile: null,
  isDemo: false,
  version: 1,
  targets: [
    buildTarget({
      indicatorCode: 'TTHC.DATA_REUSE',
      label: 'Tái sử dụng dữ liệu',
      comparator: 'eq',
      value: 90,
      dueYear: 2030,
    }),
    buildTarget({
      indicatorCode: 'CQS.ONLINE_SAT',
      label: 'Hài lòng DVC trực tuyến',
      comparator: 'eq',
      value: 95,
      dueYear: 2027,
    }),
  ],
  groups: [],
};
const { targets: _targets, groups: _groups, ...SUMMARY_FIELDS } = PLAN;
const SUMMARY: TPlanSummary = { ...SUMMARY_FIELDS, targetCount: 2 };

function signInAsODien() {
  startSession(
    buildLoginResponse({
      user: buildMe({ role: 'commune_staff', scope: { provinces: null, unitId: 'o-dien' } }),
    }),
  );
}

function rowOf(code: string): HTMLElement {
  const row = screen.getByText(code).closest('tr');
  if (!row) throw new Error(`no row for ${code}`);
  return row;
}

describe('Kết quả: the entry grid', () => {
  it('lists the indicators the plan targets, saves a draft and submits it', async () => {
    signInAsODien();
    const locked = buildResultView({
      unitId: 'o-dien',
      indicatorCode: 'CQS.ONLINE_SAT',
      value: 89.3,
      status: 'verified',
    });
    let saved = buildResultView({
      id: 'r-new',
      unitId: 'o-dien',
      indicatorCode: 'TTHC.DATA_REUSE',
      value: 64.5,
      version: 1,
    });
    const api = mockApi({
      'GET /api/units/o-dien': () => json(O_DIEN),
      'GET /api/units': () => json([]),
      'GET /api/provinces': () => json([]),
      'GET /api/indicators': () => json([]),
      'GET /api/plans': () => json([SUMMARY]),
      'GET /api/plans/plan-1': () => json(PLAN),
      'GET /api/results': () =>
        json(api.requestsTo('PUT /api/results').length > 0 ? [locked, saved] : [locked]),
      'PUT /api/results': ({ body }) => {
        saved = { ...saved, value: (body as TResultUpsert).value };
        return json(saved, 201);
      },
      'POST /api/results/r-new/submit': () => {
        saved = { ...saved, status: 'submitted', version: 2 };
        return json(saved);
      },
    });
    const user = userEvent.setup();
    openUrl('/results?period=2026');
    renderWithProviders(<ResultsPage />);

    await screen.findByText('TTHC.DATA_REUSE');
    // Verified results are locked for commune staff.
    expect(within(rowOf('CQS.ONLINE_SAT')).getByText('Đã khóa')).toBeTruthy();
    expect(within(rowOf('CQS.ONLINE_SAT')).getByText('89,3%')).toBeTruthy();
    expect(within(rowOf('TTHC.DATA_REUSE')).getByText('đạt 90,0% (hạn 2030)')).toBeTruthy();

    await user.type(within(rowOf('TTHC.DATA_REUSE')).getByRole('spinbutton'), '64,5');
    await user.click(
      within(rowOf('TTHC.DATA_REUSE')).getByRole('button', { name: 'Gửi thẩm định' }),
    );

    await waitFor(() => expect(api.requestsTo('POST /api/results/r-new/submit')).toHaveLength(1));
    expect(api.requestsTo('PUT /api/results')[0]?.body).toEqual({
      unitId: 'o-dien',
      indicatorCode: 'TTHC.DATA_REUSE',
      period: '2026',
      value: 64.5,
      source: null,
    });
    expect(api.requestsTo('POST /api/results/r-new/submit')[0]?.body).toEqual({ version: 1 });
    expect(await within(rowOf('TTHC.DATA_REUSE')).findByText('Đã gửi, chờ thẩm định')).toBeTruthy();
  });

  it('on a version conflict shows the current value and saves mine again on the current version', async () => {
    signInAsODien();
    const mine = buildResultView({
      id: 'r-1',
      unitId: 'o-dien',
      indicatorCode: 'TTHC.DATA_REUSE',
      value: 60,
      version: 1,
    });
    const theirs = { ...mine, value: 70, version: 2, source: 'Báo cáo quý' };
    const api = mockApi({
      'GET /api/units/o-dien': () => json(O_DIEN),
      'GET /api/units': () => json([]),
      'GET /api/provinces': () => json([]),
      'GET /api/indicators': () => json([]),
      'GET /api/plans': () => json([SUMMARY]),
      'GET /api/plans/plan-1': () => json(PLAN),
      'GET /api/results': () => json([mine]),
      'PUT /api/results': ({ body }) =>
        (body as TResultUpsert).version === 1
          ? json(
              {
                code: 'version_conflict',
                message: 'Kết quả đã được người khác thay đổi.',
                details: { current: theirs },
              },
              409,
            )
          : json({ ...theirs, value: (body as TResultUpsert).value, version: 3 }),
    });
    const user = userEvent.setup();
    openUrl('/results?period=2026');
    renderWithProviders(<ResultsPage />);

    const input = await within(await waitFor(() => rowOf('TTHC.DATA_REUSE'))).findByRole(
      'spinbutton',
    );
    await user.clear(input);
    await user.type(input, '65');
    await user.click(within(rowOf('TTHC.DATA_REUSE')).getByRole('button', { name: 'Lưu nháp' }));

    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText('Kết quả đã được người khác thay đổi')).toBeTruthy();
    expect(dialog.getByText('70,0%')).toBeTruthy();
    expect(dialog.getByText('65,0%')).toBeTruthy();
    await user.click(dialog.getByRole('button', { name: 'Lưu lại giá trị của tôi' }));

    await waitFor(() => expect(api.requestsTo('PUT /api/results')).toHaveLength(2));
    expect(api.requestsTo('PUT /api/results')[1]?.body).toMatchObject({ value: 65, version: 2 });
    expect(await screen.findByText('Đã lưu giá trị của bạn.')).toBeTruthy();
  });
});

describe('Kết quả: the reviewer queue', () => {
  it('verifies with the version read, and returns only with a reason', async () => {
    startSession(
      buildLoginResponse({
        user: buildMe({ role: 'reviewer', scope: { provinces: ['HNI'], unitId: null } }),
      }),
    );
    const submitted = buildResultView({
      id: 'r-9',
      unitId: 'o-dien',
      indicatorCode: 'TTHC.DATA_REUSE',
      value: 64.5,
      status: 'submitted',
      version: 4,
      source: 'Báo cáo xã',
    });
    const other = buildResultView({
      id: 'r-10',
      unitId: 'o-dien',
      indicatorCode: 'CQS.ONLINE_SAT',
      value: 91,
      status: 'submitted',
      version: 2,
    });
    const api = mockApi({
      'GET /api/units': () => json([O_DIEN]),
      'GET /api/provinces': () => json([]),
      'GET /api/indicators': () => json([]),
      'GET /api/results': () => json([submitted, other]),
      'POST /api/results/r-9/verify': () => json({ ...submitted, status: 'verified' }),
      'POST /api/results/r-10/return': () => json({ ...other, status: 'returned' }),
    });
    const user = userEvent.setup();
    openUrl('/results?tab=queue');
    renderWithProviders(<ResultsPage />);

    const row = (await screen.findByText('64,5%')).closest('tr') as HTMLElement;
    expect(within(row).getByText('xã Ô Diên')).toBeTruthy();
    expect(api.requestsTo('GET /api/results')[0]?.url.searchParams.get('status')).toBe('submitted');
    await user.click(within(row).getByRole('button', { name: 'Thẩm định' }));
    await waitFor(() => expect(api.requestsTo('POST /api/results/r-9/verify')).toHaveLength(1));
    expect(api.requestsTo('POST /api/results/r-9/verify')[0]?.body).toEqual({ version: 4 });

    const otherRow = screen.getByText('91,0%').closest('tr') as HTMLElement;
    await user.click(within(otherRow).getByRole('button', { name: 'Trả lại' }));
    const dialog = within(await screen.findByRole('dialog'));
    const confirm = dialog.getByRole('button', { name: 'Trả lại' });
    expect(confirm.hasAttribute('disabled')).toBe(true);
    await user.type(dialog.getByLabelText('Lý do trả lại'), 'ok');
    expect(dialog.getByText('Lý do cần ít nhất 3 ký tự.')).toBeTruthy();
    await user.type(dialog.getByLabelText('Lý do trả lại'), ' — thiếu tài liệu kiểm chứng');
    await user.click(confirm);
    await waitFor(() => expect(api.requestsTo('POST /api/results/r-10/return')).toHaveLength(1));
    expect(api.requestsTo('POST /api/results/r-10/return')[0]?.body).toEqual({
      reason: 'ok — thiếu tài liệu kiểm chứng',
      version: 2,
    });
  });
});

async function fileInput(): Promise<HTMLInputElement> {
  return waitFor(() => {
    const found = document.querySelector('input[type="file"]');
    if (!(found instanceof HTMLInputElement)) throw new Error('no file input');
    return found;
  });
}

/** A CSV file over 1 MB: imported as a background job. */
function largeFile(name: string): File {
  const header = 'Mã đơn vị,Mã chỉ số,Kỳ,Giá trị\n';
  return new File([header, 'x'.repeat(1024 * 1024)], name, { type: 'text/csv' });
}

const POLLS = { timeout: 10_000 };

describe('Kết quả: uploading a file', () => {
  it('lists every bad row with its column and reason when the file is refused', async () => {
    signInAsODien();
    const api = mockApi({
      'GET /api/units/o-dien': () => json(O_DIEN),
      'GET /api/provinces': () => json([]),
      'GET /api/indicators': () => json([]),
      'POST /api/results/import': () =>
        json(
          {
            code: 'import_rejected',
            message: 'Tệp có 2 dòng lỗi; chưa ghi dòng nào. Sửa các dòng lỗi rồi tải lại.',
            details: {
              errors: [
                { row: 3, column: 'Giá trị', reason: 'Dòng 3: Giá trị không phải là số' },
                { row: 7, reason: 'Kết quả đã được thẩm định và bị khóa.' },
              ],
            },
          },
          422,
        ),
    });
    const user = userEvent.setup();
    openUrl('/results?tab=upload');
    renderWithProviders(<ResultsPage />);

    const input = await waitFor(() => {
      const found = document.querySelector('input[type="file"]');
      if (!(found instanceof HTMLInputElement)) throw new Error('no file input');
      return found;
    });
    await user.upload(
      input,
      new File(['Mã đơn vị,Mã chỉ số,Kỳ,Giá trị\n'], 'ket-qua.csv', { type: 'text/csv' }),
    );

    expect(
      await screen.findByText(
        'Tệp có 2 dòng lỗi; chưa ghi dòng nào. Sửa các dòng lỗi rồi tải lại.',
      ),
    ).toBeTruthy();
    const table = within(screen.getByRole('table'));
    expect(table.getByText('Dòng 3: Giá trị không phải là số')).toBeTruthy();
    expect(table.getByText('Giá trị')).toBeTruthy();
    expect(table.getByText('Kết quả đã được thẩm định và bị khóa.')).toBeTruthy();
    const form = api.requestsTo('POST /api/results/import')[0]?.body as FormData;
    expect((form.get('file') as File).name).toBe('ket-qua.csv');
  });

  it('imports a file over 1 MB as a background job, with its progress, and shows the same report when done', async () => {
    signInAsODien();
    const api = mockApi({
      'GET /api/units/o-dien': () => json(O_DIEN),
      'GET /api/provinces': () => json([]),
      'GET /api/indicators': () => json([]),
      ...mockJobs({
        imports: {
          steps: [
            { status: 'running', progress: 60 },
            {
              status: 'done',
              progress: 100,
              importReport: { imported: 4210, created: 4000, updated: 210, errors: [] },
            },
          ],
        },
      }),
    });
    const user = userEvent.setup();
    openUrl('/results?tab=upload');
    renderWithProviders(<ResultsPage />);

    await user.upload(await fileInput(), largeFile('ket-qua-ca-nuoc.csv'));

    const status = await screen.findByRole('status', {
      name: 'Nhập kết quả từ tệp ket-qua-ca-nuoc.csv',
    });
    expect(within(status).getByText('Đang chờ')).toBeTruthy();
    expect(await within(status).findByText('Đang thực hiện', {}, POLLS)).toBeTruthy();
    expect(within(status).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('60');
    expect(await within(status).findByText('Hoàn thành', {}, POLLS)).toBeTruthy();
    expect(
      screen.getByText(
        'Đã nhập 4210 dòng: 4000 kết quả mới, 210 kết quả cập nhật (đều ở trạng thái đang soạn).',
      ),
    ).toBeTruthy();
    const form = api.requestsTo('POST /api/jobs/imports')[0]?.body as FormData;
    expect((form.get('file') as File).name).toBe('ket-qua-ca-nuoc.csv');
    expect(api.requestsTo('POST /api/results/import')).toHaveLength(0);
  });

  it('lists the bad rows of an import job the server rejected, as the direct import does', async () => {
    signInAsODien();
    mockApi({
      'GET /api/units/o-dien': () => json(O_DIEN),
      'GET /api/provinces': () => json([]),
      'GET /api/indicators': () => json([]),
      ...mockJobs({
        imports: {
          steps: [
            { status: 'running', progress: 30 },
            {
              status: 'failed',
              progress: 30,
              error: {
                code: 'import_rejected',
                message: 'Tệp có 2 dòng lỗi; chưa ghi dòng nào. Sửa các dòng lỗi rồi tải lại.',
                details: {
                  errors: [
                    { row: 12, column: 'Mã đơn vị', reason: 'Không có đơn vị mã 99999' },
                    { row: 48, reason: 'Kết quả đã được thẩm định và bị khóa.' },
                  ],
                },
              },
            },
          ],
        },
      }),
    });
    const user = userEvent.setup();
    openUrl('/results?tab=upload');
    renderWithProviders(<ResultsPage />);

    await user.upload(await fileInput(), largeFile('ket-qua-loi.csv'));

    const status = await screen.findByRole('status', {
      name: 'Nhập kết quả từ tệp ket-qua-loi.csv',
    });
    expect(await within(status).findByText('Lỗi', {}, POLLS)).toBeTruthy();
    expect(screen.getByText('Tệp chưa được nhập.')).toBeTruthy();
    expect(
      screen.getByText('Tệp có 2 dòng lỗi; chưa ghi dòng nào. Sửa các dòng lỗi rồi tải lại.'),
    ).toBeTruthy();
    const table = within(screen.getByRole('table', { name: 'Các dòng lỗi' }));
    expect(table.getByText('Không có đơn vị mã 99999')).toBeTruthy();
    expect(table.getByText('Mã đơn vị')).toBeTruthy();
    expect(table.getByText('48')).toBeTruthy();
    expect(table.getByText('Kết quả đã được thẩm định và bị khóa.')).toBeTruthy();
  });
});
