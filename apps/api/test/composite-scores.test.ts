/**
 * Composite scores kept current on write: the composite ranking serves the scores kept in
 * composite_scores, and every kind of write (the API, SQL as psql would run it, another unit's
 * result that moves a rank target) makes exactly the scores it can change be computed again, so the
 * ranking served is always the one a computation from nothing gives.
 */
import type { TRankingView, TResultView } from '@commune-bench/domain';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompositeScoresRepository } from '../src/rankings/composite-scores.repository.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const COMPOSITE = { indicator: 'composite', period: '2026', province: 'HNI' };

describe('composite attainment scores kept current on write', () => {
  let database: TestDatabase;
  let api: TestApp;
  let sql: DataSource;
  const unitIds = new Map<string, string>();
  const select = <T>(text: string, parameters?: unknown[]) => sql.query<T[]>(text, parameters);
  const selectOne = async <T>(text: string, parameters?: unknown[]): Promise<T> => {
    const [row] = await select<T>(text, parameters);
    if (row === undefined) throw new Error(`no row: ${text}`);
    return row;
  };
  const unit = (code: string) => {
    const id = unitIds.get(code);
    if (id === undefined) throw new Error(`no unit ${code}`);
    return id;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    // The kept scores are under test here, not the ranking cache (ranking-cache.test.ts): every
    // ranking is computed, so a write made straight into a table is read at once.
    api = await startTestApp(database.url, { RANKING_CACHE_SECONDS: '0' });
    sql = api.app.get(DataSource);
    for (const row of await select<{
      id: string;
      code: string;
    }>(`SELECT id, code FROM units`))
      unitIds.set(row.code, row.id);
  });

  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  const served = async (query: Record<string, string> = COMPOSITE): Promise<TRankingView> => {
    const response = await (await api.as('reviewer.hanoi')).get('/api/rankings').query(query);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as TRankingView;
  };
  /** The same ranking computed from nothing: every kept score thrown away first. */
  const fromNothing = async (query: Record<string, string> = COMPOSITE) => {
    await sql.query(`DELETE FROM composite_scores`);
    return served(query);
  };
  const scoreOf = (view: TRankingView, unitId: string) =>
    view.rows.find((row) => row.unitId === unitId)?.value ?? null;
  /** When each unit's kept 2026 score was computed. */
  const computedAt = async (): Promise<Map<string, number>> =>
    new Map(
      (
        await select<{ unit_id: string; computed_at: Date }>(
          `SELECT unit_id, computed_at FROM composite_scores WHERE period = '2026' AND include = 'verified'`,
        )
      ).map((row) => [row.unit_id, new Date(row.computed_at).getTime()]),
    );
  const recomputedSince = (before: Map<string, number>, after: Map<string, number>) =>
    [...after].filter(([unitId, at]) => before.get(unitId) !== at).map(([unitId]) => unitId);

  it('keeps every member’s score after the first ranking and serves the next one from them', async () => {
    const first = await fromNothing();
    const kept = await computedAt();
    const scored = first.rows.length + first.excluded.filter((e) => e.reason === 'no_data').length;
    expect(kept.size).toBe(scored);
    expect(first.rows.length).toBeGreaterThan(10);
    const second = await served();
    expect(second).toEqual(first);
    expect(await computedAt()).toEqual(kept);
  });

  it('a result entered, submitted and verified through the API changes that unit’s score only', async () => {
    const oDien = unit('HN.O_DIEN');
    const [plan] = await select<{ id: string }>(`SELECT id FROM plans WHERE unit_id = $1 LIMIT 1`, [
      oDien,
    ]);
    // Ô Diên's seed plan has nothing due in 2026: give it one target, as an edited plan would, on
    // an indicator it has not reported.
    const { code } = await selectOne<{ code: string }>(
      `SELECT code FROM indicators WHERE unit = 'percent' AND direction = 'higher_better'
          AND code NOT IN (SELECT indicator_code FROM results WHERE unit_id = $1)
        ORDER BY code LIMIT 1`,
      [oDien],
    );
    await sql.query(
      `INSERT INTO targets (plan_id, indicator_code, label, comparator, value, unit, due_year, position)
       VALUES ($1, $2, 'Đạt tối thiểu 95%', 'gte', 95, 'percent', 2026, 999)`,
      [plan!.id, code],
    );
    const withTarget = await served();
    expect(scoreOf(withTarget, oDien)).toBe(0); // due, and not reported: counts as 0
    expect(withTarget).toEqual(await fromNothing());

    const before = await computedAt();
    const staff = await api.as('odien');
    const reviewer = await api.as('reviewer.hanoi');
    const put = await staff.put('/api/results').send({
      unitId: oDien,
      indicatorCode: code,
      period: '2026',
      value: 97.5,
      source: 'Báo cáo năm 2026',
    });
    expect(put.status, JSON.stringify(put.body)).toBe(201);
    const result = put.body as TResultView;
    expect(scoreOf(await served(), oDien)).toBe(0); // a draft counts for nobody
    expect((await staff.post(`/api/results/${result.id}/submit`).send({})).status).toBe(200);
    expect((await reviewer.post(`/api/results/${result.id}/verify`).send({})).status).toBe(200);
    const after = await served();
    expect(scoreOf(after, oDien)).toBe(100);
    expect(recomputedSince(before, await computedAt())).toEqual([oDien]);
    expect(after).toEqual(await fromNothing());
  });

  it('another unit’s result that moves a rank target changes the score of the unit that set it', async () => {
    // The indicator most HNI units report for 2026 that nobody has a rank target on yet, and the
    // units with a verified value for it.
    const { code } = await selectOne<{ code: string }>(
      `SELECT r.indicator_code AS code FROM results r JOIN units u ON u.id = r.unit_id
        WHERE u.province_code = 'HNI' AND r.period = '2026' AND r.status = 'verified'
          AND r.indicator_code NOT IN (SELECT indicator_code FROM targets
                                        WHERE comparator IN ('top_n', 'better_rank') AND indicator_code IS NOT NULL)
        GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    const holders = await select<{ unit_id: string; value: number }>(
      `SELECT r.unit_id, r.value FROM results r JOIN units u ON u.id = r.unit_id
        WHERE u.province_code = 'HNI' AND r.period = '2026' AND r.status = 'verified'
          AND r.indicator_code = $1 AND r.value IS NOT NULL ORDER BY u.code`,
      [code],
    );
    expect(holders.length).toBeGreaterThan(3);
    const leader = holders[0]!.unit_id;
    const rival = holders[1]!.unit_id;
    const best = Math.max(...holders.map((holder) => Number(holder.value)));
    // The leader aims to be first in the city on that indicator in 2026, and is.
    const [plan] = await select<{ id: string }>(`SELECT id FROM plans WHERE unit_id = $1 LIMIT 1`, [
      leader,
    ]);
    await sql.query(
      `INSERT INTO targets (plan_id, indicator_code, label, comparator, value, unit, due_year, cohort, position)
       VALUES ($1, $2, 'Đứng đầu thành phố', 'top_n', 1, 'rank', 2026, '{"province":"HNI"}', 998)`,
      [plan!.id, code],
    );
    await sql.query(
      `UPDATE results SET value = $3 WHERE unit_id = $1 AND indicator_code = $2 AND period = '2026'`,
      [leader, code, best + 1],
    );
    const leading = await served();
    expect(leading).toEqual(await fromNothing());

    // The rival's result is written straight into the table (as psql or a script would), and
    // overtakes the leader: nothing of the leader's changed, yet its score must.
    const before = await computedAt();
    await sql.query(
      `UPDATE results SET value = $3 WHERE unit_id = $1 AND indicator_code = $2 AND period = '2026'`,
      [rival, code, best + 2],
    );
    const overtaken = await served();
    const recomputed = recomputedSince(before, await computedAt());
    expect(recomputed).toContain(rival);
    expect(recomputed).toContain(leader);
    // No other unit's score depends on that result.
    expect(recomputed.sort()).toEqual([leader, rival].sort());
    expect(scoreOf(overtaken, leader)).toBeLessThan(scoreOf(leading, leader)!);
    expect(overtaken).toEqual(await fromNothing());
  });

  it('a class changed, or a plan withdrawn, is reflected at once', async () => {
    const before = await served();
    const member = before.rows[0]!.unitId;
    await sql.query(`DELETE FROM plans WHERE unit_id = $1`, [member]);
    const withoutPlan = await served();
    expect(withoutPlan.excluded).toContainEqual(
      expect.objectContaining({ unitId: member, reason: 'no_data' }),
    );
    expect(withoutPlan).toEqual(await fromNothing());

    await served();
    const kept = await computedAt();
    await sql.query(
      `UPDATE unit_classifications SET class = CASE class WHEN 'I' THEN 'II' ELSE 'I' END
        WHERE unit_id = $1`,
      [before.rows[1]!.unitId],
    );
    // Cohort membership can move every rank: every score is computed again.
    const afterClass = await served();
    expect(recomputedSince(kept, await computedAt()).length).toBe(kept.size);
    expect(afterClass).toEqual(await fromNothing());
    const classI = { ...COMPOSITE, type: 'xa', class: 'I' };
    expect(await served(classI)).toEqual(await fromNothing(classI));
  });

  it('never serves a score computed from data older than the unit’s last write', async () => {
    const view = await served();
    const target = view.rows[0]!;
    const { version } = await selectOne<{ version: string }>(
      `SELECT COALESCE((SELECT version FROM score_versions WHERE unit_id = $1), 1)::text AS version`,
      [target.unitId],
    );
    // A slow reader that read the unit before the write below stores what it computed then.
    await sql.query(`DELETE FROM composite_scores WHERE unit_id = $1`, [target.unitId]);
    await sql.query(
      `UPDATE results SET value = value WHERE unit_id = $1 AND period = '2026' AND status = 'verified'`,
      [target.unitId],
    );
    await api.app
      .get(CompositeScoresRepository)
      .save({ period: '2026', include: 'verified', ties: 'competition' }, [
        { unitId: target.unitId, version, score: 12.34 },
      ]);
    const after = await served();
    expect(scoreOf(after, target.unitId)).not.toBe(12.34);
    expect(scoreOf(after, target.unitId)).toBe(target.value);
  });
});
