import { describe, expect, it, vi } from 'vitest';
import { json, mockApi } from '../test/mock-api';
import { ApiError } from './api-client';
import { apiDownload, apiUpload, filenameFromDisposition } from './api-transfer';

describe('filenameFromDisposition', () => {
  it('prefers the UTF-8 name (Vietnamese file names)', () => {
    expect(
      filenameFromDisposition(
        `attachment; filename="xep-hang.xlsx"; filename*=UTF-8''X%E1%BA%BFp%20h%E1%BA%A1ng%20DTI.xlsx`,
        'fallback.xlsx',
      ),
    ).toBe('Xếp hạng DTI.xlsx');
    expect(filenameFromDisposition('attachment; filename="bao-cao.pdf"', 'x')).toBe('bao-cao.pdf');
    expect(filenameFromDisposition(null, 'so-sanh.csv')).toBe('so-sanh.csv');
  });
});

describe('apiDownload', () => {
  it('sends the token, reports progress and returns the file with its name', async () => {
    window.localStorage.setItem(
      'commune-bench.session',
      JSON.stringify({ accessToken: 't-1', expiresAt: Date.now() + 60_000, user: {} }),
    );
    const api = mockApi({
      'GET /api/reports/ranking.csv': () => ({
        status: 200,
        raw: 'Hạng;Đơn vị\n1;Sóc Sơn\n',
        headers: {
          'Content-Type': 'text/csv',
          'Content-Disposition': `attachment; filename*=UTF-8''x%E1%BA%BFp-hang.csv`,
        },
      }),
    });
    const progress = vi.fn();
    const file = await apiDownload(
      '/reports/ranking.csv',
      { indicator: 'CQS.DTI', period: '2026' },
      {
        fallbackName: 'x.csv',
        onProgress: progress,
      },
    );
    expect(file.filename).toBe('xếp-hang.csv');
    expect(await file.blob.text()).toContain('Sóc Sơn');
    const [request] = api.requestsTo('GET /api/reports/ranking.csv');
    expect(request?.headers.get('Authorization')).toBe('Bearer t-1');
    expect(request?.url.searchParams.get('indicator')).toBe('CQS.DTI');
    expect(progress).toHaveBeenCalled();
  });

  it('fails with the server message', async () => {
    mockApi({
      'GET /api/reports/ranking.pdf': () =>
        json({ code: 'forbidden', message: 'Nhóm xếp hạng nằm ngoài phạm vi.' }, 403),
    });
    await expect(apiDownload('/reports/ranking.pdf', {}, { fallbackName: 'x' })).rejects.toEqual(
      new ApiError(403, 'forbidden', 'Nhóm xếp hạng nằm ngoài phạm vi.'),
    );
  });
});

describe('apiUpload', () => {
  it('posts the form and carries a 422 with its details', async () => {
    const api = mockApi({
      'POST /api/results/import': () =>
        json(
          {
            code: 'import_rejected',
            message: 'Tệp có 1 dòng lỗi.',
            details: { errors: [{ row: 3, reason: 'x' }] },
          },
          422,
        ),
    });
    const form = new FormData();
    form.append('file', new File(['a'], 'ket-qua.csv'));
    const progress = vi.fn();
    const error = await apiUpload('/results/import', form, { onProgress: progress }).catch(
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).details).toEqual({ errors: [{ row: 3, reason: 'x' }] });
    expect(api.requestsTo('POST /api/results/import')[0]?.body).toBeInstanceOf(FormData);
    expect(progress).toHaveBeenLastCalledWith(1);
  });
});
