import type { TPlanDetail, TPlanSummary } from '@commune-bench/domain';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, routeExists } from './support/api';
import { openBrowser, screenshot, signIn, type BrowserSession } from './support/browser';

/** shared/ sits beside the repository (../shared from its root). */
const SEED_HUNG_THINH = fileURLToPath(
  new URL('../../../../shared/seeds/000_f7f2992ca6234a2c.txt', import.meta.url),
);

let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  session = await openBrowser();
  page = session.page;
  await signIn(page, 'reviewer');
});

afterAll(async () => {
  await session.close();
});

describe('Kế hoạch', () => {
  it("shows a unit's plan with its targets by reform area and phase", async () => {
    const plans = await apiGet<TPlanSummary[]>('reviewer', '/plans');
    const oDienPlan = plans.find((plan) => plan.title.includes('Ô Diên'));
    expect(oDienPlan).toBeDefined();
    await page.goto(`/plans?unit=${oDienPlan?.unitId ?? ''}`);
    await page
      .getByRole('region', {
        name: /Kế hoạch: Kế hoạch Cải cách hành chính nhà nước của xã Ô Diên/,
      })
      .waitFor();
    await page
      .getByRole('region', { name: /Cải cách thủ tục hành chính, Giai đoạn 2026-2027/ })
      .waitFor();
    await page.getByText('Dòng 115').waitFor();
    await screenshot(page, 'ke-hoach');
  });

  it('imports a plan from a seed file, edits one target, saves it, and shows it on the plan page', async ({
    skip,
  }) => {
    const available = await routeExists('reviewer', 'POST', '/plans/extract', {
      text: 'x',
      filename: 'x.txt',
    });
    if (!available) skip('POST /api/plans/extract is not served yet (the importer is other work)');
    if (!existsSync(SEED_HUNG_THINH)) skip(`seed file missing: ${SEED_HUNG_THINH}`);

    await page.goto('/plans/import');
    await screenshot(page, 'nhap-ke-hoach-trong');
    await page.locator('input[type="file"]').setInputFiles(SEED_HUNG_THINH);
    const table = page
      .getByRole('table')
      .filter({ has: page.getByText('Chỉ tiêu đề xuất') })
      .first();
    await table.locator('tbody tr.ant-table-row').first().waitFor({ timeout: 60_000 });

    // Edit the first target's label, accept every other complete one, reject the rest.
    const firstRow = table.locator('tbody tr.ant-table-row').first();
    await firstRow.getByRole('button', { name: 'Sửa' }).click();
    const label = page.getByLabel('Tên chỉ tiêu');
    const edited = `${await label.inputValue()} (đã rà soát e2e)`;
    await label.fill(edited);
    await page.getByRole('button', { name: 'Lưu và nhận chỉ tiêu' }).click();
    await page.getByRole('button', { name: 'Nhận các chỉ tiêu đủ thông tin còn lại' }).click();
    for (const row of await table.locator('tbody tr.ant-table-row').all()) {
      if ((await row.textContent())?.includes('Chưa xem xét'))
        await row.getByRole('button', { name: 'Bỏ' }).click();
    }
    const unitSelect = page.getByRole('combobox', { name: 'Đơn vị của kế hoạch' });
    const chosen = page
      .getByRole('region', { name: 'Thông tin kế hoạch' })
      .getByText('xã Hưng Thịnh');
    if ((await chosen.count()) === 0) {
      await unitSelect.click();
      await page.keyboard.type('hung thinh');
      await page.locator('.ant-select-item-option', { hasText: 'xã Hưng Thịnh' }).first().click();
    }
    await screenshot(page, 'nhap-ke-hoach');
    await page.getByRole('button', { name: /Lưu thành kế hoạch/ }).click();

    await page.waitForURL(/\/plans\?.*plan=/);
    const planId = new URL(page.url()).searchParams.get('plan') ?? '';
    await page.getByText(edited).waitFor();
    const saved = await apiGet<TPlanDetail>('reviewer', `/plans/${planId}`);
    expect(saved.targets.map((target) => target.label)).toContain(edited);
    expect(saved.targets.every((target) => target.source !== null && target.reviewed)).toBe(true);
    await screenshot(page, 'ke-hoach-da-nhap');
  });
});
