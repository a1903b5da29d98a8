import type {
  TErrorBody,
  TLoginResponse,
  TMe,
  TUnitListItem,
  TUnitWithClassifications,
} from '@commune-bench/domain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPlans } from '../src/demo/seed-plans.data.js';
import { CURRENT_PROVINCE_COUNT } from '../src/reference/provinces.data.js';
import { startTestApp, TEST_DEMO_PASSWORD, type TestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

async function count(url: string, table: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const result = await client.query<{ count: string }>(`SELECT count(*) AS count FROM ${table}`);
  await client.end();
  return Number(result.rows[0]!.count);
}

describe('first start: migrations, reference data, demo data, accounts', () => {
  let database: TestDatabase;
  let api: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startTestApp(database.url);
  });

  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it('reports the database as reachable on /api/health', async () => {
    const response = await api.http.get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('lists the five seed units, with what their documents state and nothing guessed', async () => {
    const response = await (await api.as('reviewer')).get('/api/units');
    expect(response.status).toBe(200);
    const units = response.body as TUnitListItem[];
    const seeds = seedPlans.map((seed) => units.find((unit) => unit.code === seed.unit.code));
    expect(seeds.every(Boolean)).toBe(true);
    const byCode = new Map(units.map((unit) => [unit.code, unit]));
    expect(byCode.get('HN.O_DIEN')).toMatchObject({
      name: 'Ô Diên',
      type: 'xa',
      provinceCode: 'HNI',
      isDemo: false,
    });
    expect(byCode.get('TTH.HUONG_TRA')).toMatchObject({
      type: 'thi_xa',
      provinceCode: 'TTH',
      validTo: '2025-06-30',
    });
    expect(byCode.get('UNKNOWN.HUNG_THINH')).toMatchObject({ type: 'xa', provinceCode: null });
    expect(byCode.get('BDI.HOAI_HAO')).toMatchObject({
      type: 'phuong',
      provinceCode: 'BDH',
      parentName: 'thị xã Hoài Nhơn',
    });
    expect(byCode.get('HY.KIM_DONG.XA_CHUA_RO_TEN')).toMatchObject({
      provinceCode: 'HYN',
      parentName: 'huyện Kim Động',
    });
  });

  it('lists the demo cohort, marked as demo data: Hà Nội with Ô Diên and about 40 more, and peers elsewhere', async () => {
    const units = (await (await api.as('reviewer')).get('/api/units').query({ province: 'HNI' }))
      .body as TUnitListItem[];
    const demo = units.filter((unit) => unit.isDemo);
    expect(demo.length).toBeGreaterThanOrEqual(38);
    expect(demo.every((unit) => unit.notes?.includes('demo'))).toBe(true);
    expect(new Set(demo.map((unit) => unit.type))).toEqual(new Set(['xa', 'phuong']));
    const classes = new Set(
      units.filter((unit) => unit.type === 'xa').map((unit) => unit.classInYear),
    );
    expect(classes).toEqual(new Set(['I', 'II', 'III']));
    for (const province of ['HUE', 'GLI', 'HYN']) {
      const peers = (await (await api.as('reviewer')).get('/api/units').query({ province }))
        .body as TUnitListItem[];
      expect(peers.filter((unit) => unit.isDemo).length, province).toBeGreaterThanOrEqual(3);
    }
  });

  it('judges class by the classification valid in the asked year', async () => {
    const in2026 = (
      await (
        await api.as('reviewer')
      )
        .get('/api/units')
        .query({ province: 'HNI', type: 'xa', class: 'I', year: 2026 })
    ).body as TUnitListItem[];
    expect(in2026.map((unit) => unit.name)).toContain('Ô Diên');
    expect(in2026.every((unit) => unit.classInYear === 'I' && unit.year === 2026)).toBe(true);
    const oDien = in2026.find((unit) => unit.name === 'Ô Diên')!;
    // Ô Diên's class I is inferred from its plan and holds from the July 2025 reorganisation on.
    const in2024 = (
      await (
        await api.as('reviewer')
      )
        .get('/api/units')
        .query({ province: 'HNI', class: 'I', year: 2024 })
    ).body as TUnitListItem[];
    expect(in2024.map((unit) => unit.id)).not.toContain(oDien.id);
    expect(in2024.length).toBeGreaterThan(0);
    const detail = (await (await api.as('reviewer')).get(`/api/units/${oDien.id}`))
      .body as TUnitWithClassifications;
    expect(detail.validFrom).toBe('2025-07-01');
    expect(detail.classifications).toEqual([
      expect.objectContaining({ class: 'I', validFrom: '2025-07-01', validTo: null }),
    ]);
    // Demo units changed class at the reorganisation for some: the 2024 and 2026 class-I cohorts differ.
    const demo2024 = new Set(in2024.map((unit) => unit.id));
    const demo2026 = new Set(in2026.map((unit) => unit.id));
    expect(
      [...demo2026].some((id) => id !== oDien.id && !demo2024.has(id)) ||
        [...demo2024].some((id) => !demo2026.has(id)),
    ).toBe(true);
  });

  it('finds units by name ignoring diacritics and case', async () => {
    for (const q of ['o dien', 'Ô DIÊN', 'ô diên']) {
      const units = (await (await api.as('reviewer')).get('/api/units').query({ q }))
        .body as TUnitListItem[];
      expect(
        units.map((unit) => unit.name),
        q,
      ).toEqual(['Ô Diên']);
    }
    const none = (await (await api.as('reviewer')).get('/api/units').query({ q: "%' OR 1=1 --" }))
      .body as TUnitListItem[];
    expect(none).toEqual([]);
  });

  it('answers bad filters with 400 and a Vietnamese message, not an error page', async () => {
    const response = await (await api.as('reviewer')).get('/api/units').query({ type: 'village' });
    expect(response.status).toBe(400);
    const body = response.body as TErrorBody;
    expect(body.code).toBe('validation_failed');
    expect(body.message).toMatch(/Dữ liệu không hợp lệ/);
    expect(
      (await (await api.as('reviewer')).get('/api/units').query({ unknown: '1' })).status,
    ).toBe(400);
    expect((await (await api.as('reviewer')).get('/api/units/not-a-uuid')).status).toBe(400);
    expect(
      (await (await api.as('reviewer')).get('/api/units/00000000-0000-4000-8000-000000000000'))
        .status,
    ).toBe(404);
  });

  it('stores every seed target with its source quote and line', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const rows = (
      await client.query<{ code: string; targets: string; blank: string; quoted: string }>(
        `SELECT u.code, count(t.*) AS targets, count(*) FILTER (WHERE t.value IS NULL) AS blank, count(*) FILTER (WHERE t.source_quote <> '' AND t.source_line > 0) AS quoted
         FROM units u JOIN plans p ON p.unit_id = u.id JOIN targets t ON t.plan_id = p.id WHERE NOT p.is_demo GROUP BY u.code`,
      )
    ).rows;
    await client.end();
    for (const seed of seedPlans) {
      const row = rows.find((candidate) => candidate.code === seed.unit.code);
      expect(Number(row?.targets), seed.seedFile).toBe(seed.targets.length);
      expect(Number(row?.quoted), seed.seedFile).toBe(seed.targets.length);
    }
    // Hoài Hảo's Phụ lục 1 has blank target cells: kept as targets without a value.
    expect(Number(rows.find((row) => row.code === 'BDI.HOAI_HAO')?.blank)).toBeGreaterThan(0);
  });

  it('has results for 2024–2026 on the common indicators and the DTI, PAR INDEX and SIPAS', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const rows = (
      await client.query<{ indicator_code: string; period: string }>(
        `SELECT DISTINCT indicator_code, period FROM results`,
      )
    ).rows;
    const demoOnly = (
      await client.query<{ count: string }>(
        `SELECT count(*) AS count FROM results WHERE NOT is_demo`,
      )
    ).rows[0]!.count;
    await client.end();
    for (const code of [
      'CQS.DTI',
      'CDDH.PAR_INDEX',
      'CDDH.SIPAS',
      'TTHC.ONTIME',
      'TTHC.ONLINE_DOSSIER',
    ]) {
      expect(
        rows
          .filter((row) => row.indicator_code === code)
          .map((row) => row.period)
          .sort(),
        code,
      ).toEqual(['2024', '2025', '2026']);
    }
    expect(Number(demoOnly)).toBe(0);
  });

  it('serves the catalog and the 34 provinces', async () => {
    const indicators = (await api.http.get('/api/indicators')).body as { code: string }[];
    expect(indicators.map((indicator) => indicator.code)).toEqual(
      expect.arrayContaining(['CQS.DTI', 'CDDH.SIPAS', 'TTHC.ONLINE_DOSSIER']),
    );
    const provinces = (await api.http.get('/api/provinces')).body as { validTo: string | null }[];
    expect(provinces.filter((province) => province.validTo === null)).toHaveLength(34);
    expect(CURRENT_PROVINCE_COUNT).toBe(34);
  });

  it('signs in the demo accounts with DEMO_PASSWORD; hashes are argon2id', async () => {
    for (const [username, role] of [
      ['admin', 'admin'],
      ['reviewer', 'reviewer'],
      ['reviewer.hanoi', 'reviewer'],
      ['odien', 'commune_staff'],
    ] as const) {
      const response = await api.http
        .post('/api/auth/login')
        .send({ username, password: TEST_DEMO_PASSWORD });
      expect(response.status, username).toBe(200);
      const body = response.body as TLoginResponse;
      expect(body.user.role).toBe(role);
      const me = await api.http
        .get('/api/auth/me')
        .set('Authorization', `Bearer ${body.accessToken}`);
      expect(me.status).toBe(200);
      expect((me.body as TMe).username).toBe(username);
    }
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const hashes = (
      await client.query<{ password_hash: string }>('SELECT password_hash FROM users')
    ).rows;
    await client.end();
    expect(hashes.every((row) => row.password_hash.startsWith('$argon2id$'))).toBe(true);
  });

  it('gives each demo account its scope', async () => {
    const me = async (username: string) =>
      (
        await api.http
          .get('/api/auth/me')
          .set('Authorization', `Bearer ${await api.login(username)}`)
      ).body as TMe;
    expect((await me('reviewer')).scope.provinces).toBe('all');
    expect((await me('reviewer.hanoi')).scope.provinces).toEqual(['HNI']);
    const odien = await me('odien');
    const oDien = (
      (await (await api.as('reviewer')).get('/api/units').query({ q: 'o dien' }))
        .body as TUnitListItem[]
    )[0]!;
    expect(odien.scope.unitId).toBe(oDien.id);
  });

  it('refuses a wrong password and a bad token in Vietnamese', async () => {
    const wrong = await api.http
      .post('/api/auth/login')
      .send({ username: 'admin', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    const wrongBody = wrong.body as TErrorBody;
    expect(wrongBody.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    const unknown = await api.http
      .post('/api/auth/login')
      .send({ username: 'nobody', password: 'whatever-1' });
    expect(unknown.status).toBe(401);
    expect((unknown.body as TErrorBody).message).toBe(wrongBody.message);
    expect((await api.http.get('/api/auth/me')).status).toBe(401);
    expect(
      (await api.http.get('/api/auth/me').set('Authorization', 'Bearer abc.def.ghi')).status,
    ).toBe(401);
    expect((await api.http.post('/api/auth/login').send({ username: 'admin' })).status).toBe(400);
  });

  it('loads nothing twice when started again on the same database', async () => {
    const tables = [
      'units',
      'plans',
      'targets',
      'results',
      'users',
      'unit_classifications',
      'provinces',
      'indicators',
    ];
    const before = await Promise.all(tables.map((table) => count(database.url, table)));
    const token = await api.login('reviewer');
    await api.close();
    api = await startTestApp(database.url);
    const after = await Promise.all(tables.map((table) => count(database.url, table)));
    expect(after).toEqual(before);
    // Tokens survive a restart: the generated signing secret is kept in the database.
    expect(
      (await api.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status,
    ).toBe(200);
  });
});
