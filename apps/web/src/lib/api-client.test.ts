import { describe, expect, it, vi } from 'vitest';
import { json, mockApi } from '../test/mock-api';
import { ApiError, apiRequest, buildApiUrl } from './api-client';

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('buildApiUrl', () => {
  it('leaves out empty, null and undefined parameters', () => {
    expect(
      buildApiUrl('/units', { province: '', type: undefined, class: null, year: 2026, q: 'ô' }),
    ).toBe('/api/units?year=2026&q=%C3%B4');
    expect(buildApiUrl('/provinces')).toBe('/api/provinces');
  });
});

describe('apiRequest', () => {
  it("carries the server's code, message and details", async () => {
    mockApi({
      'GET /api/units': () =>
        json(
          { code: 'invalid_input', message: 'Năm không hợp lệ.', details: { field: 'year' } },
          400,
        ),
    });
    const error = await caught(apiRequest('/units'));
    expect([error.status, error.code, error.message, error.details]).toEqual([
      400,
      'invalid_input',
      'Năm không hợp lệ.',
      { field: 'year' },
    ]);
  });

  it('explains in Vietnamese an error without a JSON body', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html>Bad gateway</html>', { status: 502 }));
    const error = await caught(apiRequest('/units'));
    expect([error.status, error.code, error.message]).toEqual([
      502,
      'http_502',
      'Máy chủ trả lời lỗi (mã 502). Vui lòng thử lại sau.',
    ]);
  });

  it('explains in Vietnamese a server that cannot be reached', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await caught(apiRequest('/units'));
    expect([error.status, error.code, error.message]).toEqual([
      0,
      'network_error',
      'Không kết nối được máy chủ. Vui lòng thử lại.',
    ]);
  });

  it('sends JSON and returns the parsed answer', async () => {
    const api = mockApi({ 'POST /api/auth/login': ({ body }) => json({ echoed: body }) });
    await expect(
      apiRequest('/auth/login', { method: 'POST', body: { username: 'a', password: 'b' } }),
    ).resolves.toEqual({ echoed: { username: 'a', password: 'b' } });
    expect(api.requests[0]?.headers.get('Content-Type')).toBe('application/json');
  });
});
