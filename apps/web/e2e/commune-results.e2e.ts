import type { TRankingView, TResultView, TUnitWithClassifications } from '@commune-bench/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet } from './support/api';
import { openBrowser, screenshot, signIn, signOut, type BrowserSession } from './support/browser';

const INDICATOR = 'TTHC.DATA_REUSE';
const COHORT = 'province=HNI&type=xa&class=I';
/** Periods tried in turn, so a rerun against the same server finds one still open. */
const CANDIDATE_PERIODS = ['2026', '2027', '2028', '2029'];

let session: BrowserSession;
let page: Page;
let oDien: TUnitWithClassifications;
let period = '2026';

beforeAll(async () => {
  session = await openBrowser();
  page = session.page;
  const me = await apiGet<{ scope: { unitId: string } }>('odien', '/auth/me');
  oDien = await apiGet<TUnitWithClassifications>('odien', `/units/${me.scope.unitId}`);
  for (const candidate of CANDIDATE_PERIODS) {
    const results = await apiGet<TResultView[]>(
      'odien',
      `/results?unitId=${oDien.id}&indicator=${INDICATOR}&period=${candidate}`,
    );
    if (results.every((result) => result.status === 'draft' || result.status === 'returned')) {
      period = candidate;
      break;
    }
  }
});

afterAll(async () => {
  await session.close();
});

describe('Ô Diên enters a result, the Hà Nội reviewer verifies it', () => {
  it("shows Ô Diên's rank in its cohorts on Tổng quan", async () => {
    await signIn(page, 'odien');
    await page.waitForURL(/\/overview/);
    const ranking = await apiGet<TRankingView>(
      'odien',
      `/rankings?indicator=CQS.DTI&period=2026&${COHORT}`,
    );
    const own = ranking.rows.find((row) => row.unitId === oDien.id);
    expect(own).toBeDefined();
    await page.goto('/overview?indicator=CQS.DTI&period=2026');
    const card = page.getByRole('region', { name: /Hạng trong nhóm xã loại I, tỉnh\/thành/ });
    await expect.poll(() => card.textContent()).toContain(`${own?.rank ?? '?'}/ ${ranking.total}`);
    const top = page
      .getByRole('table')
      .filter({ has: page.getByText('Đơn vị của bạn') })
      .first();
    expect(await top.textContent()).toContain('Ô Diên');
    await page.getByRole('region', { name: 'Tình trạng chỉ tiêu' }).waitFor();
    await screenshot(page, 'tong-quan');
  });

  it('saves a draft and submits it from the entry grid', async () => {
    await page.getByRole('menuitem', { name: 'Kết quả' }).click();
    await page.goto(`/results?tab=entry&period=${period}`);
    const row = page.getByRole('row').filter({ hasText: INDICATOR });
    await row.getByRole('spinbutton').fill('64,5');
    await row.getByRole('button', { name: 'Lưu nháp' }).click();
    await row.getByText('Đang soạn').waitFor();
    await screenshot(page, 'ket-qua-nhap');
    await row.getByRole('button', { name: 'Gửi thẩm định' }).click();
    await row.getByText('Đã gửi, chờ thẩm định').waitFor();
    const [saved] = await apiGet<TResultView[]>(
      'odien',
      `/results?unitId=${oDien.id}&indicator=${INDICATOR}&period=${period}`,
    );
    expect(saved?.status).toBe('submitted');
    expect(saved?.value).toBe(64.5);
    await signOut(page);
  });

  it('the Hà Nội reviewer verifies it from the queue, and the ranking then counts it', async () => {
    const before = await apiGet<TRankingView>(
      'reviewer.hanoi',
      `/rankings?indicator=${INDICATOR}&period=${period}&${COHORT}`,
    );
    expect(before.rows.some((row) => row.unitId === oDien.id)).toBe(false);

    await signIn(
      page,
      'reviewer.hanoi',
      `/results?tab=queue&unit=${oDien.id}&indicator=${INDICATOR}`,
    );
    const row = page
      .getByRole('row')
      .filter({ hasText: 'Tỷ lệ khai thác' })
      .filter({ hasText: '64,5%' });
    await row.waitFor();
    await screenshot(page, 'cho-tham-dinh');
    await row.getByRole('button', { name: 'Thẩm định' }).click();
    await page.getByText('Đã thẩm định kết quả.').waitFor();
    await expect.poll(() => row.count()).toBe(0);

    const after = await apiGet<TRankingView>(
      'reviewer.hanoi',
      `/rankings?indicator=${INDICATOR}&period=${period}&${COHORT}`,
    );
    const ranked = after.rows.find((row) => row.unitId === oDien.id);
    expect(ranked).toBeDefined();
    await page.goto(`/rankings?indicator=${INDICATOR}&period=${period}&${COHORT}`);
    const leagueRow = page.locator('tr.ant-table-row').filter({ hasText: 'Ô Diên' });
    await leagueRow.waitFor();
    expect(await leagueRow.locator('td').first().textContent()).toContain(String(ranked?.rank));
    expect(await leagueRow.textContent()).toContain('64,5%');
    await screenshot(page, 'xep-hang-sau-tham-dinh');
  });
});
