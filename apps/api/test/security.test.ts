/** Issue 8: authentication, headers and limits, input, integrity — each answered with the right status and a Vietnamese message. */
import type { TErrorBody, TLoginResponse, TUnitListItem } from '@commune-bench/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertSafeFileName } from '../src/common/file-name.js';
import { API_ROUTES } from '../src/openapi/api-routes.js';
import { startTestApp, TEST_DEMO_PASSWORD, type TestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const INJECTIONS = [
  "' OR '1'='1",
  '1; DROP TABLE units; --',
  "%' OR 1=1 --",
  '\\',
  "'; SELECT pg_sleep(5); --",
  '$1',
  '"><script>alert(1)</script>',
  '../../../etc/passwd',
  'NaN',
  '-1',
  '９９',
  '\u0000',
  'a'.repeat(5000),
];

describe('security', () => {
  let database: TestDatabase;
  let api: TestApp;
  let tried = 0;
  let rejected = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startTestApp(database.url, {
      LOGIN_MAX_FAILURES: '3',
      LOGIN_LOCKOUT_MINUTES: '15',
    });
  });

  afterAll(async () => {
    await api?.close();
    await database?.drop();
    process.stdout.write(
      `security: ${tried} injection inputs tried, ${rejected} rejected or answered without other data\n`,
    );
  });

  it('locks an account after repeated wrong passwords, audits it, and leaves other accounts alone', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(
        (
          await api.http
            .post('/api/auth/login')
            .send({ username: 'reviewer.hanoi', password: 'wrong-password' })
        ).status,
      ).toBe(401);
    }
    const locked = await api.http
      .post('/api/auth/login')
      .send({ username: 'reviewer.hanoi', password: TEST_DEMO_PASSWORD });
    expect(locked.status).toBe(429);
    expect((locked.body as TErrorBody).code).toBe('account_locked');
    expect((locked.body as TErrorBody).message).toMatch(/tạm khóa/);
    expect(
      (
        await api.http
          .post('/api/auth/login')
          .send({ username: 'reviewer', password: TEST_DEMO_PASSWORD })
      ).status,
    ).toBe(200);
    const audit = (
      await (
        await api.as('admin')
      )
        .get('/api/audit')
        .query({ entity: 'auth', id: 'reviewer.hanoi' })
    ).body as { action: string }[];
    expect(audit.map((entry) => entry.action)).toEqual([
      'login_locked',
      'login_failed',
      'login_failed',
      'login_failed',
    ]);
  });

  it('limits login attempts per address', async () => {
    const limited = await startTestApp(database.url, {
      LOGIN_RATE_PER_MINUTE: '3',
      DEMO_DATA: 'false',
    });
    try {
      const statuses = [];
      for (let attempt = 0; attempt < 4; attempt += 1)
        statuses.push(
          (
            await limited.http
              .post('/api/auth/login')
              .send({ username: 'odien', password: TEST_DEMO_PASSWORD })
          ).status,
        );
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await limited.close();
    }
  });

  it('rotates refresh tokens, and a replayed one ends every session of its user', async () => {
    const login = (
      await api.http
        .post('/api/auth/login')
        .send({ username: 'odien', password: TEST_DEMO_PASSWORD })
    ).body as TLoginResponse;
    expect(login.expiresIn).toBe(15 * 60);
    const first = await api.http
      .post('/api/auth/refresh')
      .send({ refreshToken: login.refreshToken });
    expect(first.status).toBe(200);
    const renewed = first.body as TLoginResponse;
    expect(renewed.refreshToken).not.toBe(login.refreshToken);
    expect(
      (await api.http.get('/api/auth/me').set('Authorization', `Bearer ${renewed.accessToken}`))
        .status,
    ).toBe(200);
    // The old token again: refused, and the renewed refresh token is revoked with it.
    expect(
      (await api.http.post('/api/auth/refresh').send({ refreshToken: login.refreshToken })).status,
    ).toBe(401);
    expect(
      (await api.http.post('/api/auth/refresh').send({ refreshToken: renewed.refreshToken }))
        .status,
    ).toBe(401);
  });

  it('changes a password: the old one stops working and refresh tokens are revoked', async () => {
    const login = (
      await api.http
        .post('/api/auth/login')
        .send({ username: 'admin', password: TEST_DEMO_PASSWORD })
    ).body as TLoginResponse;
    const auth = { Authorization: `Bearer ${login.accessToken}` };
    expect(
      (
        await api.http
          .post('/api/auth/password')
          .set(auth)
          .send({ currentPassword: 'not-it', newPassword: 'mat-khau-moi-2026' })
      ).status,
    ).toBe(400);
    expect(
      (
        await api.http
          .post('/api/auth/password')
          .set(auth)
          .send({ currentPassword: TEST_DEMO_PASSWORD, newPassword: 'ngan' })
      ).status,
    ).toBe(400);
    expect(
      (
        await api.http
          .post('/api/auth/password')
          .set(auth)
          .send({ currentPassword: TEST_DEMO_PASSWORD, newPassword: 'mat-khau-moi-2026' })
      ).status,
    ).toBe(204);
    expect(
      (
        await api.http
          .post('/api/auth/login')
          .send({ username: 'admin', password: TEST_DEMO_PASSWORD })
      ).status,
    ).toBe(401);
    expect(
      (
        await api.http
          .post('/api/auth/login')
          .send({ username: 'admin', password: 'mat-khau-moi-2026' })
      ).status,
    ).toBe(200);
    expect(
      (await api.http.post('/api/auth/refresh').send({ refreshToken: login.refreshToken })).status,
    ).toBe(401);
  });

  it('sends helmet headers and keeps CORS closed unless configured', async () => {
    const response = await api.http.get('/api/health').set('Origin', 'https://evil.example');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    const open = await startTestApp(database.url, {
      CORS_ORIGINS: 'https://cchc.hanoi.gov.vn',
      DEMO_DATA: 'false',
    });
    try {
      const allowed = await open.http.get('/api/health').set('Origin', 'https://cchc.hanoi.gov.vn');
      expect(allowed.headers['access-control-allow-origin']).toBe('https://cchc.hanoi.gov.vn');
      const other = await open.http.get('/api/health').set('Origin', 'https://evil.example');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await open.close();
    }
  });

  it('answers a body over the limit with 413 and malformed JSON with 400, in Vietnamese', async () => {
    const big = await api.http
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ username: 'x', password: 'y'.repeat(2 * 1024 * 1024) }));
    expect(big.status).toBe(413);
    expect((big.body as TErrorBody).message).toBe('Dữ liệu gửi lên quá lớn.');
    const malformed = await api.http
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username": ');
    expect(malformed.status).toBe(400);
    expect((malformed.body as TErrorBody).code).toBe('malformed_json');
  });

  it('refuses an upload over its limit and a file name with a path', async () => {
    const reviewer = await api.as('reviewer');
    const tooBig = await reviewer
      .post('/api/results/import')
      .attach('file', Buffer.alloc(21 * 1024 * 1024, 'a'), 'lon.csv');
    expect(tooBig.status).toBe(413);
    const traversal = await reviewer
      .post('/api/results/import')
      .attach('file', Buffer.from('Mã đơn vị,Mã chỉ số,Kỳ,Giá trị\n'), '../../etc/passwd.csv');
    // The multipart parser keeps only the base name; the file is read as content, never opened as a path.
    expect(traversal.status).toBe(422);
    for (const name of [
      '../../etc/passwd.csv',
      '..\\win.ini',
      'a/b.csv',
      'x\u0000.csv',
      '..',
      '',
    ]) {
      expect(() => assertSafeFileName(name), name).toThrow(/Tên tệp/);
    }
    expect(() => assertSafeFileName('Kết quả quý 3.xlsx')).not.toThrow();
  });

  it('answers injection strings in every query parameter with 400 or an answer without other data — never a 500', async () => {
    // Commune staff: whatever the input, only their own unit may come back.
    const reviewer = await api.as('odien');
    const hanoiUnits = new Set(
      ((await reviewer.get('/api/units')).body as TUnitListItem[]).map((unit) => unit.id),
    );
    expect(hanoiUnits.size).toBe(1);
    for (const route of API_ROUTES.filter(
      (candidate) => candidate.method === 'get' && candidate.query,
    )) {
      const shape = (route.query as { shape?: Record<string, unknown> }).shape ?? {};
      for (const parameter of Object.keys(shape)) {
        for (const injection of INJECTIONS) {
          tried += 1;
          const response = await reviewer
            .get(`/api${route.path}`)
            .query({ [parameter]: injection });
          expect(
            response.status,
            `${route.path}?${parameter}=${injection.slice(0, 30)}`,
          ).toBeLessThan(500);
          if (response.status === 200 && route.path === '/units') {
            for (const unit of response.body as TUnitListItem[])
              expect(hanoiUnits.has(unit.id)).toBe(true);
          }
          rejected += 1;
        }
      }
    }
    const units = (await reviewer.get('/api/units').query({ q: "' OR '1'='1" }))
      .body as TUnitListItem[];
    expect(units).toEqual([]);
    expect(tried).toBeGreaterThan(50);
  });
});
