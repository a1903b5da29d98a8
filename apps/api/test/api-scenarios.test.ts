import type {
  TAuditEntry,
  TComparisonView,
  TErrorBody,
  TPlanDetail,
  TRankingView,
  TResultImportReport,
  TResultView,
  TUnitListItem,
  TUnitWithClassifications,
} from '@commune-bench/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

describe('API scenarios (real PostgreSQL, demo data)', () => {
  let database: TestDatabase;
  let api: TestApp;
  const unitByCode = new Map<string, TUnitListItem>();

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startTestApp(database.url);
    const units = (await (await api.as('admin')).get('/api/units')).body as TUnitListItem[];
    for (const unit of units) unitByCode.set(unit.code, unit);
  });

  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  const unit = (code: string) => {
    const found = unitByCode.get(code);
    if (!found) throw new Error(`no unit ${code}`);
    return found;
  };

  /** A xã of Hà Nội created by the admin, with its classes dated as given. */
  const newHanoiXa = async (
    code: string,
    name: string,
    classes: { class: string; validFrom: string }[],
  ): Promise<TUnitWithClassifications> => {
    const admin = await api.as('admin');
    const created = await admin
      .post('/api/units')
      .send({ code, name, type: 'xa', provinceCode: 'HNI' });
    expect(created.status).toBe(201);
    const id = (created.body as TUnitWithClassifications).id;
    for (const classification of classes)
      expect(
        (
          await admin
            .post(`/api/units/${id}/classifications`)
            .send({ ...classification, basis: 'QĐ thử' })
        ).status,
      ).toBe(201);
    return created.body as TUnitWithClassifications;
  };

  it('a reviewer compares the five seed units for 2025, across types and provinces', async () => {
    const reviewer = await api.as('reviewer');
    const codes = [
      'UNKNOWN.HUNG_THINH',
      'HN.O_DIEN',
      'TTH.HUONG_TRA',
      'BDI.HOAI_HAO',
      'HY.KIM_DONG.XA_CHUA_RO_TEN',
    ];
    const response = await reviewer
      .get('/api/comparisons')
      .query({ units: codes.map((code) => unit(code).id).join(','), period: '2025' });
    expect(response.status).toBe(200);
    const view = response.body as TComparisonView;
    expect(view.units.map((u) => u.name)).toEqual(codes.map((code) => unit(code).name));
    const ontime = view.rows.find((row) => row.indicatorCode === 'TTHC.ONTIME');
    expect(ontime).toBeDefined();
    const hungThinh = ontime!.cells.find((cell) => cell.unitId === unit('UNKNOWN.HUNG_THINH').id)!;
    expect(hungThinh.target).toMatchObject({ comparator: 'gte', value: 98, dueYear: 2025 });
    // No results are recorded for the seed units themselves: the attainment says so.
    expect(hungThinh.attainment?.status).toBe('no_data');
    const sipas = view.rows.find((row) => row.indicatorCode === 'CDDH.SIPAS')!;
    expect(sipas.unitsWithoutTarget.length).toBeLessThan(codes.length);
    // Ô Diên's DTI rank target is judged against the xã loại I ranking of Hà Nội.
    const dti = view.rows.find((row) => row.indicatorCode === 'CQS.DTI')!;
    const oDienCell = dti.cells.find((cell) => cell.unitId === unit('HN.O_DIEN').id)!;
    expect(oDienCell.target).toMatchObject({ comparator: 'top_n', value: 10 });
    expect(view.rows.some((row) => row.cells.some((cell) => cell.mostAmbitious))).toBe(true);
  });

  it('a Hà Nội reviewer cannot compare a unit outside Hà Nội', async () => {
    const reviewer = await api.as('reviewer.hanoi');
    const response = await reviewer
      .get('/api/comparisons')
      .query({ units: [unit('HN.O_DIEN').id, unit('TTH.HUONG_TRA').id].join(','), period: '2025' });
    expect(response.status).toBe(403);
    expect((response.body as TErrorBody).message).toMatch(/phạm vi/);
    // A unit that does not exist is named as such, wherever it is in the list.
    const missing = await reviewer.get('/api/comparisons').query({
      units: [unit('HN.O_DIEN').id, '00000000-0000-4000-8000-000000000000'].join(','),
      period: '2025',
    });
    expect(missing.status).toBe(404);
    expect((missing.body as TErrorBody).message).toBe('Không tìm thấy đơn vị.');
  });

  it('ranks Hà Nội xã loại I by DTI for 2026 with a tie and a unit without data', async () => {
    const reviewer = await api.as('reviewer.hanoi');
    // A new xã loại I with no results at all.
    const fresh = await newHanoiXa('TEST.HNI.XA_MOI', 'Xã Mới Thử', [
      { class: 'I', validFrom: '2025-07-01' },
    ]);

    const cohort = {
      indicator: 'CQS.DTI',
      period: '2026',
      province: 'HNI',
      type: 'xa',
      class: 'I',
    };
    const before = (await reviewer.get('/api/rankings').query(cohort)).body as TRankingView;
    expect(before.rows.length).toBeGreaterThanOrEqual(3);
    // Give the two best ranked the same value: they must share rank 1 and the next one is 3.
    const [first, second] = before.rows;
    for (const row of [first!, second!]) {
      const [result] = (
        await reviewer
          .get('/api/results')
          .query({ unitId: row.unitId, indicator: 'CQS.DTI', period: '2026' })
      ).body as TResultView[];
      const put = await reviewer.put('/api/results').send({
        unitId: row.unitId,
        indicatorCode: 'CQS.DTI',
        period: '2026',
        value: 0.9512,
        version: result!.version,
      });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      if (result!.status !== 'verified') {
        const current = put.body as TResultView;
        if (current.status === 'draft')
          await reviewer.post(`/api/results/${current.id}/submit`).send({});
        expect((await reviewer.post(`/api/results/${current.id}/verify`).send({})).status).toBe(
          200,
        );
      }
    }
    const ranking = (await reviewer.get('/api/rankings').query(cohort)).body as TRankingView;
    expect(ranking.rows.slice(0, 3).map((row) => row.rank)).toEqual([1, 1, 3]);
    expect(ranking.rows.slice(0, 2).map((row) => row.displayValue)).toEqual(['0,9512', '0,9512']);
    const dense = (await reviewer.get('/api/rankings').query({ ...cohort, ties: 'dense' }))
      .body as TRankingView;
    expect(dense.rows.slice(0, 3).map((row) => row.rank)).toEqual([1, 1, 2]);
    expect(ranking.excluded).toContainEqual({
      unitId: fresh.id,
      unitName: 'Xã Mới Thử',
      reason: 'no_data',
    });
    expect(ranking.method).toMatchObject({
      period: '2026',
      previousPeriod: '2025',
      ties: 'competition',
      statusesCounted: ['verified'],
      precision: 4,
    });
    expect(
      ranking.rows.every(
        (row) => row.previousRank === null || row.change === row.previousRank - row.rank,
      ),
    ).toBe(true);
    // Every member appears exactly once, ranked or left out.
    const ids = [...ranking.rows, ...ranking.excluded].map((row) => row.unitId);
    expect(new Set(ids).size).toBe(ids.length);
    // top and around
    const top = (await reviewer.get('/api/rankings').query({ ...cohort, top: 1 }))
      .body as TRankingView;
    expect(top.rows.map((row) => row.rank)).toEqual([1, 1]);
    const third = ranking.rows[2]!;
    const around = (
      await reviewer.get('/api/rankings').query({ ...cohort, around: third.unitId, k: 1 })
    ).body as TRankingView;
    expect(around.rows.map((row) => row.unitId)).toEqual(
      ranking.rows.slice(1, 4).map((row) => row.unitId),
    );
  });

  it('commune staff submit a result, the reviewer verifies it, and the verified ranking changes', async () => {
    const staff = await api.as('odien');
    const reviewer = await api.as('reviewer.hanoi');
    const oDien = unit('HN.O_DIEN');
    const cohort = {
      indicator: 'TTHC.ONTIME',
      period: '2026-Q4',
      province: 'HNI',
      type: 'xa',
      class: 'I',
    };
    const put = await staff.put('/api/results').send({
      unitId: oDien.id,
      indicatorCode: 'TTHC.ONTIME',
      period: '2026-Q4',
      value: 99.5,
      source: 'Báo cáo quý IV',
    });
    expect(put.status).toBe(201);
    const draft = put.body as TResultView;
    expect(draft.status).toBe('draft');
    // A draft is in nobody's ranking.
    const submitted = await staff.post(`/api/results/${draft.id}/submit`).send({});
    expect(submitted.status).toBe(200);
    const verifiedOnly = (await reviewer.get('/api/rankings').query(cohort)).body as TRankingView;
    expect(verifiedOnly.rows.map((row) => row.unitId)).not.toContain(oDien.id);
    expect(verifiedOnly.excluded).toContainEqual(
      expect.objectContaining({ unitId: oDien.id, reason: 'not_verified' }),
    );
    const withSubmitted = (
      await reviewer.get('/api/rankings').query({ ...cohort, include: 'submitted' })
    ).body as TRankingView;
    expect(withSubmitted.rows).toContainEqual(
      expect.objectContaining({ unitId: oDien.id, rank: 1, provisional: true }),
    );
    // Staff may not verify, and may not see submitted values of others through the ranking.
    expect((await staff.post(`/api/results/${draft.id}/verify`).send({})).status).toBe(403);
    expect(
      (await staff.get('/api/rankings').query({ ...cohort, include: 'submitted' })).status,
    ).toBe(403);
    const verified = await reviewer.post(`/api/results/${draft.id}/verify`).send({});
    expect(verified.status).toBe(200);
    const after = (await staff.get('/api/rankings').query(cohort)).body as TRankingView;
    expect(after.rows).toContainEqual(
      expect.objectContaining({ unitId: oDien.id, rank: 1, provisional: false }),
    );
    // Verified results are locked for commune staff.
    const locked = await staff.put('/api/results').send({
      unitId: oDien.id,
      indicatorCode: 'TTHC.ONTIME',
      period: '2026-Q4',
      value: 50,
      version: (verified.body as TResultView).version,
    });
    expect(locked.status).toBe(409);
    expect((locked.body as TErrorBody).code).toBe('result_locked');
    // A reviewer returns it with a reason; staff can then correct it.
    const returned = await reviewer
      .post(`/api/results/${draft.id}/return`)
      .send({ reason: 'Thiếu tài liệu kiểm chứng' });
    expect(returned.body).toMatchObject({
      status: 'returned',
      returnReason: 'Thiếu tài liệu kiểm chứng',
    });
    const audit = (await reviewer.get('/api/audit').query({ entity: 'result', id: draft.id }))
      .body as TAuditEntry[];
    expect(audit.map((entry) => entry.action)).toEqual(['return', 'verify', 'submit', 'create']);
  });

  it('two writers of the same result with the same version: one 200, one 409, nothing lost', async () => {
    const staff = await api.as('odien');
    const oDien = unit('HN.O_DIEN');
    const created = (
      await staff
        .put('/api/results')
        .send({ unitId: oDien.id, indicatorCode: 'TTHC.DIGITIZE', period: '2026-Q3', value: 70 })
    ).body as TResultView;
    const write = (value: number) =>
      staff.put('/api/results').send({
        unitId: oDien.id,
        indicatorCode: 'TTHC.DIGITIZE',
        period: '2026-Q3',
        value,
        version: created.version,
      });
    const [a, b] = await Promise.all([write(71), write(72)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = (a.status === 200 ? a : b).body as TResultView;
    const loser = (a.status === 409 ? a : b).body as TErrorBody;
    expect(loser.code).toBe('version_conflict');
    expect((loser.details as { current: TResultView }).current.value).toBe(winner.value);
    const [stored] = (
      await staff
        .get('/api/results')
        .query({ unitId: oDien.id, indicator: 'TTHC.DIGITIZE', period: '2026-Q3' })
    ).body as TResultView[];
    expect(stored).toMatchObject({ value: winner.value, version: created.version + 1 });
  });

  it('a results import with one bad row changes nothing and reports the row', async () => {
    const reviewer = await api.as('reviewer.hanoi');
    const codes = ['DEMO.HNI.DAN_PHUONG', 'DEMO.HNI.HOAI_DUC', 'DEMO.HNI.SON_DONG'];
    const csv = [
      'Mã đơn vị,Mã chỉ số,Kỳ,Giá trị',
      `${codes[0]},TTHC.ONTIME,2026-Q2,"97,5"`,
      `${codes[1]},TTHC.ONTIME,2026-Q2,98`,
      `${codes[2]},TTHC.KHONG_CO,2026-Q2,90`,
    ].join('\n');
    const rejected = await reviewer
      .post('/api/results/import')
      .attach('file', Buffer.from(csv, 'utf8'), 'ket-qua.csv');
    expect(rejected.status).toBe(422);
    const body = rejected.body as TErrorBody & {
      details: { errors: { row: number; reason: string }[] };
    };
    expect(body.details.errors).toEqual([expect.objectContaining({ row: 4 })]);
    expect(body.details.errors[0]!.reason).toMatch(/TTHC.KHONG_CO/);
    const none = (await reviewer.get('/api/results').query({ period: '2026-Q2' }))
      .body as TResultView[];
    expect(none).toEqual([]);
    // Out-of-scope unit codes are refused row by row, too.
    const outside = `Mã đơn vị,Mã chỉ số,Kỳ,Giá trị\nDEMO.HUE.KIM_TRA,TTHC.ONTIME,2026-Q2,90\n`;
    const refused = await reviewer
      .post('/api/results/import')
      .attach('file', Buffer.from(outside), 'ngoai.csv');
    expect(refused.status).toBe(422);
    const good = csv.split('\n').slice(0, 3).join('\n');
    const accepted = await reviewer
      .post('/api/results/import')
      .attach('file', Buffer.from(good), 'ket-qua.csv');
    expect(accepted.status).toBe(200);
    expect(accepted.body as TResultImportReport).toEqual({
      imported: 2,
      created: 2,
      updated: 0,
      errors: [],
    });
    const stored = (await reviewer.get('/api/results').query({ period: '2026-Q2' }))
      .body as TResultView[];
    expect(stored.map((result) => result.value).sort()).toEqual([97.5, 98]);
  });

  it('saves a reviewed plan, groups its targets, guards its version, issues it, and checks it against the parent plan', async () => {
    const admin = await api.as('admin');
    const reviewer = await api.as('reviewer.hanoi');
    const city = (
      await admin
        .post('/api/units')
        .send({ code: 'HNI.CITY', name: 'Hà Nội', type: 'thanh_pho_tw', provinceCode: 'HNI' })
    ).body as TUnitWithClassifications;
    const target = (
      indicatorCode: string,
      comparator: string,
      value: number,
      dueYear: number,
      extra: object = {},
    ) => ({
      indicatorCode,
      label: indicatorCode,
      comparator,
      value,
      unit: 'percent',
      dueYear,
      ...extra,
    });
    const parent = await reviewer.post('/api/plans').send({
      unitId: city.id,
      title: 'Kế hoạch CCHC giai đoạn 2026-2030 của thành phố Hà Nội',
      kind: 'ke_hoach',
      fromYear: 2026,
      toYear: 2030,
      targets: [
        target('CDDH.SIPAS', 'gte', 92, 2027),
        target('TTHC.DATA_REUSE', 'gte', 90, 2030),
        target('TTHC.ONTIME', 'gte', 99, 2027),
      ],
    });
    expect(parent.status, JSON.stringify(parent.body)).toBe(201);
    const staff = await api.as('odien');
    const oDien = unit('HN.O_DIEN');
    const child = await staff.post('/api/plans').send({
      unitId: oDien.id,
      title: 'Kế hoạch thử của xã Ô Diên',
      kind: 'ke_hoach',
      fromYear: 2026,
      toYear: 2030,
      phases: [{ code: '2026-2027', fromYear: 2026, toYear: 2027 }],
      parentPlanId: (parent.body as TPlanDetail).id,
      targets: [
        target('CDDH.SIPAS', 'gte', 89, 2027, {
          phase: '2026-2027',
          source: { quote: 'Chỉ số SIPAS đạt tối thiểu 89%', line: 99 },
        }),
        target('TTHC.DATA_REUSE', 'eq', 90, 2030),
      ],
    });
    expect(child.status, JSON.stringify(child.body)).toBe(201);
    const plan = child.body as TPlanDetail;
    expect(plan.status).toBe('draft');
    expect(plan.groups.map((group) => [group.area, group.phase])).toEqual([
      ['CDDH', '2026-2027'],
      ['TTHC', null],
    ]);
    const cascade = (await staff.get(`/api/plans/${plan.id}/cascade`)).body as {
      issues: { kind: string; indicatorCode: string }[];
    };
    expect(cascade.issues.map((issue) => [issue.kind, issue.indicatorCode]).sort()).toEqual([
      ['missing', 'TTHC.ONTIME'],
      ['weaker', 'CDDH.SIPAS'],
    ]);
    // Optimistic locking on plans.
    const edit = await staff
      .patch(`/api/plans/${plan.id}`)
      .send({ version: plan.version, title: 'Kế hoạch CCHC của xã Ô Diên (sửa)' });
    expect(edit.status).toBe(200);
    const stale = await staff
      .patch(`/api/plans/${plan.id}`)
      .send({ version: plan.version, title: 'ghi đè' });
    expect(stale.status).toBe(409);
    const issued = await staff
      .post(`/api/plans/${plan.id}/issue`)
      .send({ version: (edit.body as TPlanDetail).version });
    expect((issued.body as TPlanDetail).status).toBe('issued');
    // An issued plan takes a reviewer to edit.
    expect(
      (
        await staff
          .patch(`/api/plans/${plan.id}`)
          .send({ version: (issued.body as TPlanDetail).version, title: 'x' })
      ).status,
    ).toBe(403);
    // Unknown indicators and unknown fields are refused with the field named.
    const bad = await staff.post('/api/plans').send({
      unitId: oDien.id,
      title: 'x',
      kind: 'ke_hoach',
      fromYear: 2026,
      toYear: 2030,
      targets: [target('TTHC.KHONG_CO', 'gte', 1, 2027)],
    });
    expect(bad.status).toBe(400);
    expect((bad.body as TErrorBody).message).toMatch(/targets\.0\.indicatorCode/);
    const unknownField = await staff.post('/api/plans').send({
      unitId: oDien.id,
      title: 'x',
      kind: 'ke_hoach',
      fromYear: 2026,
      toYear: 2030,
      targets: [],
      hacker: true,
    });
    expect(unknownField.status).toBe(400);
  });

  it('admin dates a class change: the previous class ends the day before, and rankings by year follow it', async () => {
    const admin = await api.as('admin');
    const target = unit('DEMO.HNI.BA_VI');
    const changed = await admin.post(`/api/units/${target.id}/classifications`).send({
      class: 'I',
      basis: 'QĐ phân loại thử',
      decisionNo: '123/QĐ-UBND',
      validFrom: '2027-01-01',
    });
    expect(changed.status).toBe(201);
    const history = (changed.body as TUnitWithClassifications).classifications;
    expect(history.at(-1)).toMatchObject({ class: 'I', validFrom: '2027-01-01', validTo: null });
    expect(history.at(-2)).toMatchObject({ validTo: '2026-12-31' });
    const classIn = async (year: number) =>
      ((await admin.get(`/api/units`).query({ q: 'Ba Vì', year })).body as TUnitListItem[])[0]!
        .classInYear;
    expect(await classIn(2026)).toBe(target.classInYear);
    expect(await classIn(2027)).toBe('I');
    expect(
      (
        await (
          await api.as('reviewer')
        )
          .post(`/api/units/${target.id}/classifications`)
          .send({ class: 'II', validFrom: '2028-01-01' })
      ).status,
    ).toBe(403);
    const audit = (await admin.get('/api/audit').query({ entity: 'classification', id: target.id }))
      .body as TAuditEntry[];
    expect(audit[0]).toMatchObject({ action: 'classify', actorName: 'admin' });
  });

  it('a xã moved up from loại II to loại I is in each year’s cohort by the class of that year', async () => {
    const promoted = await newHanoiXa('TEST.HNI.LEN_HANG', 'Xã Lên Hạng', [
      { class: 'II', validFrom: '2020-01-01' },
      { class: 'I', validFrom: '2026-01-01' },
    ]);
    const reviewer = await api.as('reviewer.hanoi');
    const ranking = async (period: string, unitClass: string) =>
      (
        await reviewer
          .get('/api/rankings')
          .query({ indicator: 'CQS.DTI', period, province: 'HNI', type: 'xa', class: unitClass })
      ).body as TRankingView;
    const reasonIn = (view: TRankingView) =>
      view.excluded.find((row) => row.unitId === promoted.id)?.reason;
    // Loại I today, loại II in 2025: left out of 2025's loại I table, and says why.
    expect(reasonIn(await ranking('2025', 'I'))).toBe('not_in_cohort_that_year');
    expect(reasonIn(await ranking('2025', 'II'))).toBe('no_data');
    expect(reasonIn(await ranking('2026', 'I'))).toBe('no_data');
    expect(reasonIn(await ranking('2026', 'II'))).toBeUndefined();
  });

  it('audits failed logins, and keeps the trail to admins and reviewers in scope', async () => {
    await api.http
      .post('/api/auth/login')
      .send({ username: 'reviewer', password: 'wrong-password' });
    const admin = await api.as('admin');
    const failures = (await admin.get('/api/audit').query({ entity: 'auth' }))
      .body as TAuditEntry[];
    expect(failures[0]).toMatchObject({ action: 'login_failed', entityId: 'reviewer' });
    expect(
      (
        await (
          await api.as('odien')
        )
          .get('/api/audit')
          .query({ entity: 'unit', id: unit('HN.O_DIEN').id })
      ).status,
    ).toBe(403);
    expect(
      (
        await (
          await api.as('reviewer.hanoi')
        )
          .get('/api/audit')
          .query({ entity: 'unit', id: unit('DEMO.HUE.KIM_TRA').id })
      ).status,
    ).toBe(403);
    expect(
      (
        await (
          await api.as('reviewer.hanoi')
        )
          .get('/api/audit')
          .query({ entity: 'unit', id: unit('HN.O_DIEN').id })
      ).status,
    ).toBe(200);
  });

  it('publishes OpenAPI from the same schemas, browsable at /api/docs', async () => {
    const document = (await api.http.get('/api/openapi.json')).body as {
      openapi: string;
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
    };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/rankings', '/api/results/{id}/verify', '/api/comparisons']),
    );
    expect(document.paths['/api/rankings']!.get!.parameters!.map((p) => p.name)).toEqual(
      expect.arrayContaining(['indicator', 'period', 'ties', 'include', 'around', 'k']),
    );
    expect((await api.http.get('/api/openapi.json')).status).toBe(200);
    const docs = await api.http.get('/api/docs');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('swagger-ui');
    expect((await api.http.get('/api/docs/assets/swagger-ui-bundle.js')).status).toBe(200);
  });

  it('keeps 500s generic and validation errors specific', async () => {
    const reviewer = await api.as('reviewer');
    const response = await reviewer
      .get('/api/rankings')
      .query({ indicator: 'CQS.DTI', period: '2026-Q5' });
    expect(response.status).toBe(400);
    expect((response.body as TErrorBody).message).toMatch(/period/);
    expect(
      (await reviewer.get('/api/rankings').query({ indicator: 'KHONG.CO', period: '2026' })).status,
    ).toBe(404);
  });

  it('ranks by the composite attainment score: how well units keep their own 2026 targets', async () => {
    const reviewer = await api.as('reviewer.hanoi');
    const response = await reviewer
      .get('/api/rankings')
      .query({ indicator: 'composite', period: '2026', province: 'HNI', type: 'xa' });
    expect(response.status).toBe(200);
    const view = response.body as TRankingView;
    expect(view.method).toMatchObject({
      indicator: 'composite',
      direction: 'higher_better',
      precision: 2,
    });
    expect(view.rows.length).toBeGreaterThan(10);
    expect(view.rows.every((row) => row.value >= 0 && row.value <= 100)).toBe(true);
    expect(new Set(view.rows.map((row) => row.value)).size).toBeGreaterThan(3);
    // Ô Diên's seed plan has no target due in 2026 (its targets are due 2027 and 2030): listed apart.
    expect(view.excluded).toContainEqual(
      expect.objectContaining({ unitId: unit('HN.O_DIEN').id, reason: 'no_data' }),
    );
    const sorted = [...view.rows].sort((a, b) => b.value - a.value);
    expect(view.rows.map((row) => row.value)).toEqual(sorted.map((row) => row.value));
  });

  it('lets an admin create, re-scope and disable an account; a disabled account is locked out at once', async () => {
    const admin = await api.as('admin');
    const created = await admin.post('/api/users').send({
      username: 'reviewer.hue',
      displayName: 'Chuyên viên Huế',
      password: 'mat-khau-hue-2026',
      role: 'reviewer',
      scopeProvinces: ['HUE'],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const user = created.body as { id: string };
    const token = await api.login('reviewer.hue', 'mat-khau-hue-2026');
    const asHue = (path: string) => api.http.get(path).set('Authorization', `Bearer ${token}`);
    expect((await asHue(`/api/units/${unit('DEMO.HUE.KIM_TRA').id}`)).status).toBe(200);
    expect((await asHue(`/api/units/${unit('HN.O_DIEN').id}`)).status).toBe(403);
    expect(
      (await admin.patch(`/api/users/${user.id}`).send({ scopeProvinces: ['HUE', 'HNI'] })).status,
    ).toBe(200);
    expect((await asHue(`/api/units/${unit('HN.O_DIEN').id}`)).status).toBe(200);
    expect((await admin.patch(`/api/users/${user.id}`).send({ disabled: true })).status).toBe(200);
    expect((await asHue('/api/auth/me')).status).toBe(401);
    const login = await api.http
      .post('/api/auth/login')
      .send({ username: 'reviewer.hue', password: 'mat-khau-hue-2026' });
    expect(login.status).toBe(403);
    expect(
      (
        await admin.post('/api/users').send({
          username: 'staff.x',
          displayName: 'x',
          password: 'mat-khau-dai-du',
          role: 'commune_staff',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await admin.post('/api/users').send({
          username: 'reviewer.hue',
          displayName: 'x',
          password: 'mat-khau-dai-du',
          role: 'admin',
        })
      ).status,
    ).toBe(409);
  });
});
