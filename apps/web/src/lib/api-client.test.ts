import { describe, expect, it, vi } from 'vitest';
import { buildLoginResponse } from '../test/builders';
import { json, mockApi } from '../test/mock-api';
import { getSession, startSession } from './auth-store';
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

describe('apiRequest with refresh tokens', () => {
  it('renews an access token that has run out before sending, and sends the new one', async () => {
    startSession(
      buildLoginResponse({
        accessToken: 'old-token',
        expiresIn: 0,
        refreshToken: 'refresh-old-0123456789',
      }),
    );
    const api = mockApi({
      'POST /api/auth/refresh': () =>
        json(
          buildLoginResponse({ accessToken: 'new-token', refreshToken: 'refresh-new-0123456789' }),
        ),
      'GET /api/units': () => json([]),
    });
    await apiRequest('/units');
    expect(api.requests.map((request) => `${request.method} ${request.url.pathname}`)).toEqual([
      'POST /api/auth/refresh',
      'GET /api/units',
    ]);
    expect(api.requests[0]!.body).toEqual({ refreshToken: 'refresh-old-0123456789' });
    expect(api.requests[1]!.headers.get('Authorization')).toBe('Bearer new-token');
    expect(getSession()?.accessToken).toBe('new-token');
  });

  it('retries once with a renewed token when the server refuses one still in its time', async () => {
    startSession(
      buildLoginResponse({
        accessToken: 'revoked-token',
        expiresIn: 3600,
        refreshToken: 'refresh-1-0123456789',
      }),
    );
    let calls = 0;
    const api = mockApi({
      'POST /api/auth/refresh': () => json(buildLoginResponse({ accessToken: 'renewed-token' })),
      'GET /api/units': () =>
        calls++ === 0 ? json({ code: 'unauthorized', message: 'Hết hạn.' }, 401) : json([]),
    });
    await expect(apiRequest('/units')).resolves.toEqual([]);
    expect(api.requests.at(-1)!.headers.get('Authorization')).toBe('Bearer renewed-token');
  });

  it('ends the session when the refresh token is refused', async () => {
    startSession(
      buildLoginResponse({
        accessToken: 'old',
        expiresIn: 0,
        refreshToken: 'refresh-bad-0123456789',
      }),
    );
    mockApi({
      'POST /api/auth/refresh': () =>
        json({ code: 'unauthorized', message: 'Phiên đăng nhập đã hết hạn.' }, 401),
      'GET /api/units': () => json({ code: 'unauthorized', message: 'Chưa đăng nhập.' }, 401),
    });
    await expect(apiRequest('/units')).rejects.toBeInstanceOf(ApiError);
    expect(getSession()).toBeNull();
  });
});
