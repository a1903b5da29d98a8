import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TErrorBody, TPlanDetail, TPlanProposal, TUnitListItem } from '@commune-bench/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/config/config.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const SEEDS = join(REPO_ROOT, '..', 'shared', 'seeds');
const haveSeeds = existsSync(SEEDS);
if (!haveSeeds && process.env.CI === 'true')
  throw new Error(`the seed plans are missing: ${SEEDS}`);

describe('POST /api/plans/extract: a document in, a proposal out, nothing saved', () => {
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

  it.skipIf(!haveSeeds)(
    'reads an uploaded seed plan and proposes its targets; the reviewed proposal saves as a plan',
    async () => {
      const staff = await api.as('odien');
      const response = await staff
        .post('/api/plans/extract')
        .attach(
          'file',
          readFileSync(join(SEEDS, '001_db8bd46d2dd6e5b9.txt')),
          '001_db8bd46d2dd6e5b9.txt',
        );
      expect(response.status, JSON.stringify(response.body).slice(0, 500)).toBe(200);
      const proposal = response.body as TPlanProposal;
      expect(proposal.targets).toContainEqual(
        expect.objectContaining({
          indicatorCode: 'CQS.DTI',
          comparator: 'top_n',
          value: 10,
          dueYear: 2030,
        }),
      );
      expect(
        proposal.targets.every(
          (target) => target.source.quote.length > 0 && target.source.line > 0,
        ),
      ).toBe(true);
      const plansBefore = ((await staff.get('/api/plans')).body as unknown[]).length;
      expect(plansBefore).toBeGreaterThan(0);
      // A person reviews the proposal and saves it.
      const oDien = ((await staff.get('/api/units')).body as TUnitListItem[])[0]!;
      const saved = await staff.post('/api/plans').send({
        unitId: oDien.id,
        title: proposal.plan.title ?? 'Kế hoạch CCHC',
        kind: proposal.plan.kind ?? 'ke_hoach',
        fromYear: proposal.plan.fromYear ?? 2026,
        toYear: proposal.plan.toYear ?? 2030,
        phases: proposal.plan.phases.map((phase) => ({
          code: phase.label,
          fromYear: phase.fromYear,
          toYear: phase.toYear,
        })),
        targets: proposal.targets.map(({ conflict: _conflict, source, phase, ...target }) => ({
          ...target,
          phase,
          source: { quote: source.quote, line: source.line },
          conflictGroup: null,
          reviewed: true,
        })),
      });
      expect(saved.status, JSON.stringify(saved.body).slice(0, 800)).toBe(201);
      expect((saved.body as TPlanDetail).targets).toHaveLength(proposal.targets.length);
    },
  );

  it('takes pasted text as JSON', async () => {
    const reviewer = await api.as('reviewer');
    const response = await reviewer.post('/api/plans/extract').send({
      text: 'KẾ HOẠCH cải cách hành chính năm 2025 của xã Thử\nTỷ lệ giải quyết hồ sơ đúng hạn đạt tối thiểu 98%.',
      filename: 'dan.txt',
    });
    expect(response.status).toBe(200);
    expect((response.body as TPlanProposal).targets).toContainEqual(
      expect.objectContaining({ indicatorCode: 'TTHC.ONTIME', comparator: 'gte', value: 98 }),
    );
  });

  it('answers unreadable input with a specific Vietnamese message, not a crash or an empty success', async () => {
    const reviewer = await api.as('reviewer');
    const empty = await reviewer
      .post('/api/plans/extract')
      .attach('file', Buffer.alloc(0), 'rong.txt');
    expect(empty.status).toBe(422);
    expect((empty.body as TErrorBody).code).toBe('empty_document');
    const notAPlan = await reviewer
      .post('/api/plans/extract')
      .send({ text: 'Hôm nay trời đẹp. Chúng tôi đi chợ.' });
    expect(notAPlan.status).toBe(422);
    expect((notAPlan.body as TErrorBody).code).toBe('not_a_plan');
    const exe = await reviewer
      .post('/api/plans/extract')
      .attach('file', Buffer.from('MZ...'), 'virus.exe');
    expect(exe.status).toBe(415);
    const tooBig = await reviewer
      .post('/api/plans/extract')
      .attach('file', Buffer.alloc(11 * 1024 * 1024, 'a'), 'lon.txt');
    expect(tooBig.status).toBe(413);
    for (const response of [empty, notAPlan, exe, tooBig])
      expect((response.body as TErrorBody).message).toMatch(
        /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i,
      );
  });
});
