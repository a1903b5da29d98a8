/**
 * Every endpoint × each role × own / other unit or province, with the expected outcome, from one
 * table. The table must name every route the application serves: a new endpoint without a row fails.
 */
import type { TPlanSummary, TResultView, TUnitListItem } from '@commune-bench/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES } from '../src/openapi/api-routes.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const ROLES = ['anonymous', 'odien', 'reviewer.hanoi', 'reviewer', 'admin'] as const;
type Role = (typeof ROLES)[number];
/** allow: passes the access check (any status but 401/403, never 5xx). */
type Outcome = 'allow' | 401 | 403;
type Expectation = Record<Role, Outcome>;

interface Ids {
  own: string; // Ô Diên (Hà Nội), the commune staff's unit
  other: string; // a demo unit in Huế
  ownPlan: string;
  otherPlan: string;
  ownResult: string;
  otherResult: string;
  reviewerUser: string;
}

interface Case {
  target: 'own' | 'other' | 'none';
  path: (ids: Ids) => string;
  query?: (ids: Ids) => Record<string, string>;
  body?: (ids: Ids, role: Role) => unknown;
  upload?: boolean;
  expect: Expectation;
}

const PUBLIC: Expectation = {
  anonymous: 'allow',
  odien: 'allow',
  'reviewer.hanoi': 'allow',
  reviewer: 'allow',
  admin: 'allow',
};
const SIGNED_IN: Expectation = {
  anonymous: 401,
  odien: 'allow',
  'reviewer.hanoi': 'allow',
  reviewer: 'allow',
  admin: 'allow',
};
const OWN_UNIT: Expectation = SIGNED_IN;
const OTHER_UNIT: Expectation = {
  anonymous: 401,
  odien: 403,
  'reviewer.hanoi': 403,
  reviewer: 'allow',
  admin: 'allow',
};
const ADMIN_ONLY: Expectation = {
  anonymous: 401,
  odien: 403,
  'reviewer.hanoi': 403,
  reviewer: 403,
  admin: 'allow',
};
const REVIEW_OWN: Expectation = {
  anonymous: 401,
  odien: 403,
  'reviewer.hanoi': 'allow',
  reviewer: 'allow',
  admin: 'allow',
};
// Without an entity, reviewers are asked to name one (400, past the role check); only admins read the whole trail.
const ADMIN_ONLY_OR_400: Expectation = {
  anonymous: 401,
  odien: 403,
  'reviewer.hanoi': 'allow',
  reviewer: 'allow',
  admin: 'allow',
};
const REVIEW_OTHER: Expectation = {
  anonymous: 401,
  odien: 403,
  'reviewer.hanoi': 403,
  reviewer: 'allow',
  admin: 'allow',
};

let sequence = 0;
const unique = () => `${Date.now().toString(36)}${(sequence += 1)}`;

const MATRIX: Record<string, Case[]> = {
  'GET /health': [{ target: 'none', path: () => '/api/health', expect: PUBLIC }],
  'POST /auth/login': [
    {
      target: 'none',
      path: () => '/api/auth/login',
      body: () => ({ username: 'nobody', password: 'x' }),
      expect: { anonymous: 401, odien: 401, 'reviewer.hanoi': 401, reviewer: 401, admin: 401 },
    },
  ],
  'POST /auth/refresh': [
    {
      target: 'none',
      path: () => '/api/auth/refresh',
      body: () => ({ refreshToken: 'x'.repeat(43) }),
      expect: { anonymous: 401, odien: 401, 'reviewer.hanoi': 401, reviewer: 401, admin: 401 },
    },
  ],
  // A wrong current password is a 400 (past the check).
  'POST /auth/password': [
    {
      target: 'none',
      path: () => '/api/auth/password',
      body: () => ({ currentPassword: 'sai-mat-khau', newPassword: 'mat-khau-moi-dai' }),
      expect: SIGNED_IN,
    },
  ],
  'GET /auth/me': [{ target: 'none', path: () => '/api/auth/me', expect: SIGNED_IN }],
  'GET /indicators': [{ target: 'none', path: () => '/api/indicators', expect: PUBLIC }],
  'GET /provinces': [{ target: 'none', path: () => '/api/provinces', expect: PUBLIC }],
  'GET /openapi.json': [{ target: 'none', path: () => '/api/openapi.json', expect: PUBLIC }],
  'GET /docs': [{ target: 'none', path: () => '/api/docs', expect: PUBLIC }],
  'GET /docs/init.js': [{ target: 'none', path: () => '/api/docs/init.js', expect: PUBLIC }],
  'GET /docs/assets/:file': [
    { target: 'none', path: () => '/api/docs/assets/swagger-ui.css', expect: PUBLIC },
  ],
  'GET /units': [{ target: 'none', path: () => '/api/units', expect: SIGNED_IN }],
  'GET /units/:id': [
    { target: 'own', path: (ids) => `/api/units/${ids.own}`, expect: OWN_UNIT },
    { target: 'other', path: (ids) => `/api/units/${ids.other}`, expect: OTHER_UNIT },
  ],
  'POST /units': [
    {
      target: 'none',
      path: () => '/api/units',
      body: () => ({
        code: `MATRIX.${unique()}`,
        name: 'Xã ma trận',
        type: 'xa',
        provinceCode: 'HNI',
      }),
      expect: ADMIN_ONLY,
    },
  ],
  'PATCH /units/:id': [
    {
      target: 'own',
      path: (ids) => `/api/units/${ids.own}`,
      body: () => ({ notes: 'ghi chú' }),
      expect: ADMIN_ONLY,
    },
  ],
  'POST /units/:id/classifications': [
    {
      target: 'own',
      path: (ids) => `/api/units/${ids.own}/classifications`,
      body: () => ({ class: 'I', validFrom: '2030-01-01' }),
      expect: ADMIN_ONLY,
    },
  ],
  'GET /plans': [
    {
      target: 'own',
      path: () => '/api/plans',
      query: (ids) => ({ unitId: ids.own }),
      expect: OWN_UNIT,
    },
    {
      target: 'other',
      path: () => '/api/plans',
      query: (ids) => ({ unitId: ids.other }),
      expect: OTHER_UNIT,
    },
  ],
  'POST /plans/extract': [
    {
      target: 'none',
      path: () => '/api/plans/extract',
      body: () => ({
        text: 'Tỷ lệ hồ sơ giải quyết đúng hạn đạt tối thiểu 98%.',
        filename: 'ke-hoach.txt',
      }),
      expect: SIGNED_IN,
    },
  ],
  'GET /plans/:id': [
    { target: 'own', path: (ids) => `/api/plans/${ids.ownPlan}`, expect: OWN_UNIT },
    { target: 'other', path: (ids) => `/api/plans/${ids.otherPlan}`, expect: OTHER_UNIT },
  ],
  'POST /plans': [
    {
      target: 'own',
      path: () => '/api/plans',
      body: (ids) => ({
        unitId: ids.own,
        title: 'KH',
        kind: 'ke_hoach',
        fromYear: 2026,
        toYear: 2030,
        targets: [],
      }),
      expect: OWN_UNIT,
    },
    {
      target: 'other',
      path: () => '/api/plans',
      body: (ids) => ({
        unitId: ids.other,
        title: 'KH',
        kind: 'ke_hoach',
        fromYear: 2026,
        toYear: 2030,
        targets: [],
      }),
      expect: OTHER_UNIT,
    },
  ],
  'PATCH /plans/:id': [
    // Ô Diên's seed plan is a draft: its staff may edit it (a stale version answers 409, past the check).
    {
      target: 'own',
      path: (ids) => `/api/plans/${ids.ownPlan}`,
      body: () => ({ version: 999, title: 'x' }),
      expect: OWN_UNIT,
    },
    // The Huế demo plan is issued: only reviewers in scope.
    {
      target: 'other',
      path: (ids) => `/api/plans/${ids.otherPlan}`,
      body: () => ({ version: 999, title: 'x' }),
      expect: REVIEW_OTHER,
    },
  ],
  'POST /plans/:id/issue': [
    {
      target: 'own',
      path: (ids) => `/api/plans/${ids.ownPlan}/issue`,
      body: () => ({ version: 999 }),
      expect: OWN_UNIT,
    },
    {
      target: 'other',
      path: (ids) => `/api/plans/${ids.otherPlan}/issue`,
      body: () => ({ version: 999 }),
      expect: OTHER_UNIT,
    },
  ],
  'GET /plans/:id/cascade': [
    { target: 'own', path: (ids) => `/api/plans/${ids.ownPlan}/cascade`, expect: OWN_UNIT },
    { target: 'other', path: (ids) => `/api/plans/${ids.otherPlan}/cascade`, expect: OTHER_UNIT },
  ],
  'GET /results': [
    {
      target: 'own',
      path: () => '/api/results',
      query: (ids) => ({ unitId: ids.own }),
      expect: OWN_UNIT,
    },
    {
      target: 'other',
      path: () => '/api/results',
      query: (ids) => ({ unitId: ids.other }),
      expect: OTHER_UNIT,
    },
  ],
  'PUT /results': [
    {
      target: 'own',
      path: () => '/api/results',
      body: (ids) => ({
        unitId: ids.own,
        indicatorCode: 'TTHC.ONTIME',
        period: '2030-01',
        value: 1,
      }),
      expect: OWN_UNIT,
    },
    {
      target: 'other',
      path: () => '/api/results',
      body: (ids) => ({
        unitId: ids.other,
        indicatorCode: 'TTHC.ONTIME',
        period: '2030-01',
        value: 1,
      }),
      expect: OTHER_UNIT,
    },
  ],
  'POST /results/import': [
    { target: 'none', path: () => '/api/results/import', upload: true, expect: SIGNED_IN },
  ],
  'POST /results/:id/submit': [
    {
      target: 'own',
      path: (ids) => `/api/results/${ids.ownResult}/submit`,
      body: () => ({}),
      expect: OWN_UNIT,
    },
    {
      target: 'other',
      path: (ids) => `/api/results/${ids.otherResult}/submit`,
      body: () => ({}),
      expect: OTHER_UNIT,
    },
  ],
  'POST /results/:id/verify': [
    {
      target: 'own',
      path: (ids) => `/api/results/${ids.ownResult}/verify`,
      body: () => ({}),
      expect: REVIEW_OWN,
    },
    {
      target: 'other',
      path: (ids) => `/api/results/${ids.otherResult}/verify`,
      body: () => ({}),
      expect: REVIEW_OTHER,
    },
  ],
  'POST /results/:id/return': [
    {
      target: 'own',
      path: (ids) => `/api/results/${ids.ownResult}/return`,
      body: () => ({ reason: 'kiểm tra ma trận' }),
      expect: REVIEW_OWN,
    },
    {
      target: 'other',
      path: (ids) => `/api/results/${ids.otherResult}/return`,
      body: () => ({ reason: 'kiểm tra ma trận' }),
      expect: REVIEW_OTHER,
    },
  ],
  'GET /comparisons': [
    {
      target: 'own',
      path: () => '/api/comparisons',
      query: (ids) => ({ units: ids.own, period: '2026' }),
      expect: OWN_UNIT,
    },
    {
      target: 'other',
      path: () => '/api/comparisons',
      query: (ids) => ({ units: ids.other, period: '2026' }),
      expect: OTHER_UNIT,
    },
  ],
  'GET /rankings': [
    // Ô Diên's own cohort (Hà Nội xã loại I), verified results: everyone signed in with it in scope.
    {
      target: 'own',
      path: () => '/api/rankings',
      query: () => ({
        indicator: 'CQS.DTI',
        period: '2026',
        province: 'HNI',
        type: 'xa',
        class: 'I',
      }),
      expect: OWN_UNIT,
    },
    // Another province's cohort.
    {
      target: 'other',
      path: () => '/api/rankings',
      query: () => ({ indicator: 'CQS.DTI', period: '2026', province: 'HUE' }),
      expect: OTHER_UNIT,
    },
    // The national xã ranking: reviewers of every province, admins, and the staff of a xã (their unit is in it).
    {
      target: 'none',
      path: () => '/api/rankings',
      query: () => ({ indicator: 'CQS.DTI', period: '2026', type: 'xa' }),
      expect: {
        anonymous: 401,
        odien: 'allow',
        'reviewer.hanoi': 403,
        reviewer: 'allow',
        admin: 'allow',
      },
    },
    // The national phường ranking: Ô Diên is not in it.
    {
      target: 'none',
      path: () => '/api/rankings',
      query: () => ({ indicator: 'CQS.DTI', period: '2026', type: 'phuong' }),
      expect: REVIEW_OTHER,
    },
  ],
  'GET /reports/ranking.:format': [
    {
      target: 'own',
      path: () => '/api/reports/ranking.csv',
      query: () => ({
        indicator: 'CQS.DTI',
        period: '2026',
        province: 'HNI',
        type: 'xa',
        class: 'I',
      }),
      expect: OWN_UNIT,
    },
    {
      target: 'other',
      path: () => '/api/reports/ranking.csv',
      query: () => ({ indicator: 'CQS.DTI', period: '2026', province: 'HUE' }),
      expect: OTHER_UNIT,
    },
  ],
  'GET /reports/comparison.:format': [
    {
      target: 'own',
      path: () => '/api/reports/comparison.csv',
      query: (ids) => ({ units: ids.own, period: '2026' }),
      expect: OWN_UNIT,
    },
    {
      target: 'other',
      path: () => '/api/reports/comparison.csv',
      query: (ids) => ({ units: ids.other, period: '2026' }),
      expect: OTHER_UNIT,
    },
  ],
  'GET /jobs': [{ target: 'none', path: () => '/api/jobs', expect: SIGNED_IN }],
  'POST /jobs/exports': [
    {
      target: 'own',
      path: () => '/api/jobs/exports',
      body: () => ({
        report: 'ranking',
        format: 'csv',
        query: { indicator: 'CQS.DTI', period: '2026', province: 'HNI', type: 'xa', class: 'I' },
      }),
      expect: OWN_UNIT,
    },
    {
      target: 'other',
      path: () => '/api/jobs/exports',
      body: () => ({
        report: 'ranking',
        format: 'csv',
        query: { indicator: 'CQS.DTI', period: '2026', province: 'HUE' },
      }),
      expect: OTHER_UNIT,
    },
    {
      target: 'other',
      path: () => '/api/jobs/exports',
      body: (ids) => ({
        report: 'comparison',
        format: 'csv',
        query: { units: ids.other, period: '2026' },
      }),
      expect: OTHER_UNIT,
    },
  ],
  'POST /jobs/imports': [
    { target: 'none', path: () => '/api/jobs/imports', upload: true, expect: SIGNED_IN },
  ],
  // Another user's job is not found (404, past the sign-in check); the rows are in the jobs test.
  'GET /jobs/:id': [
    {
      target: 'none',
      path: () => '/api/jobs/00000000-0000-4000-8000-000000000001',
      expect: SIGNED_IN,
    },
  ],
  'GET /jobs/:id/file': [
    {
      target: 'none',
      path: () => '/api/jobs/00000000-0000-4000-8000-000000000001/file',
      expect: SIGNED_IN,
    },
  ],
  'GET /users': [{ target: 'none', path: () => '/api/users', expect: ADMIN_ONLY }],
  'POST /users': [
    {
      target: 'none',
      path: () => '/api/users',
      body: () => ({
        username: `matrix.${unique()}`,
        displayName: 'Người thử',
        password: 'mat-khau-thu-123',
        role: 'reviewer',
        scopeProvinces: ['HNI'],
      }),
      expect: ADMIN_ONLY,
    },
  ],
  'PATCH /users/:id': [
    {
      target: 'none',
      path: (ids) => `/api/users/${ids.reviewerUser}`,
      body: () => ({ displayName: 'Chuyên viên Bộ Nội vụ' }),
      expect: ADMIN_ONLY,
    },
  ],
  'GET /audit': [
    {
      target: 'own',
      path: () => '/api/audit',
      query: (ids) => ({ entity: 'unit', id: ids.own }),
      expect: REVIEW_OWN,
    },
    {
      target: 'other',
      path: () => '/api/audit',
      query: (ids) => ({ entity: 'unit', id: ids.other }),
      expect: REVIEW_OTHER,
    },
    { target: 'none', path: () => '/api/audit', expect: ADMIN_ONLY_OR_400 },
  ],
};

/** The routes Nest serves, as `METHOD /path` under /api. */
function servedRoutes(app: TestApp): string[] {
  const express = app.app.getHttpAdapter().getInstance() as {
    router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  };
  return express.router.stack
    .filter((layer) => layer.route?.path.startsWith('/api/'))
    .flatMap((layer) =>
      Object.keys(layer.route!.methods).map(
        (method) => `${method.toUpperCase()} ${layer.route!.path.slice(4)}`,
      ),
    );
}

describe('authorization matrix', () => {
  let database: TestDatabase;
  let api: TestApp;
  let ids: Ids;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startTestApp(database.url);
    const admin = await api.as('admin');
    const units = (await admin.get('/api/units')).body as TUnitListItem[];
    const own = units.find((unit) => unit.code === 'HN.O_DIEN')!.id;
    const other = units.find((unit) => unit.code === 'DEMO.HUE.KIM_TRA')!.id;
    const ownPlan = (
      (await admin.get('/api/plans').query({ unitId: own })).body as TPlanSummary[]
    )[0]!.id;
    const otherPlan = (
      (await admin.get('/api/plans').query({ unitId: other })).body as TPlanSummary[]
    )[0]!.id;
    const ownResult = (
      (await admin.get('/api/results').query({ unitId: own })).body as TResultView[]
    )[0]!.id;
    const otherResult = (
      (await admin.get('/api/results').query({ unitId: other })).body as TResultView[]
    )[0]!.id;
    const reviewerUser = (
      (await admin.get('/api/users')).body as { id: string; username: string }[]
    ).find((user) => user.username === 'reviewer')!.id;
    ids = { own, other, ownPlan, otherPlan, ownResult, otherResult, reviewerUser };
  });

  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it('has a row for every route the application serves, and for every route the API table declares', () => {
    const served = servedRoutes(api).sort();
    expect(served.length).toBeGreaterThan(20);
    expect(Object.keys(MATRIX).sort()).toEqual(served);
    expect(API_ROUTES.map((route) => `${route.method.toUpperCase()} ${route.path}`).sort()).toEqual(
      served,
    );
  });

  const rows = Object.entries(MATRIX).flatMap(([route, cases]) =>
    cases.map((testCase) => [route, testCase] as const),
  );
  it.each(rows)('%s (%#)', async (route, testCase) => {
    const method = route.split(' ')[0]!.toLowerCase() as 'get' | 'post' | 'put' | 'patch';
    const outcomes: Record<string, { status: number; outcome: Outcome | 'server_error' }> = {};
    for (const role of ROLES) {
      const agent = role === 'anonymous' ? null : await api.as(role);
      let request = agent
        ? agent[method](testCase.path(ids))
        : api.http[method](testCase.path(ids));
      if (testCase.query) request = request.query(testCase.query(ids));
      if (testCase.upload)
        request = request.attach(
          'file',
          Buffer.from('Mã đơn vị,Mã chỉ số,Kỳ,Giá trị\nHN.O_DIEN,TTHC.ONTIME,2030-02,99\n'),
          'matrix.csv',
        );
      else if (testCase.body) request = request.send(testCase.body(ids, role) as object);
      const response = await request;
      const outcome: Outcome | 'server_error' =
        response.status >= 500
          ? 'server_error'
          : response.status === 401
            ? 401
            : response.status === 403
              ? 403
              : 'allow';
      outcomes[role] = { status: response.status, outcome };
    }
    const actual = Object.fromEntries(ROLES.map((role) => [role, outcomes[role]!.outcome]));
    expect(actual, JSON.stringify(outcomes)).toEqual(testCase.expect);
  });
});
