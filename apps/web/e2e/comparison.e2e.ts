import type { TComparisonView, TUnitListItem } from '@commune-bench/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet } from './support/api';
import { openBrowser, screenshot, signIn, signOut, type BrowserSession } from './support/browser';

let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  session = await openBrowser();
  page = session.page;
});

afterAll(async () => {
  await session.close();
});

/** Types into the unit picker (without diacritics) and picks the option. */
async function pickUnit(search: string, label: string) {
  await page.getByRole('combobox', { name: 'Đơn vị so sánh' }).click();
  await page.keyboard.type(search);
  await page.locator('.ant-select-item-option', { hasText: label }).first().click();
}

describe('So sánh', () => {
  it('compares Hưng Thịnh, Ô Diên and Hoài Hảo (picked by typing without diacritics) in a matrix by reform area', async () => {
    await signIn(page, 'reviewer');
    await page.getByRole('menuitem', { name: 'So sánh' }).click();
    await page.waitForURL(/\/compare/);
    await pickUnit('hung thinh', 'xã Hưng Thịnh');
    await pickUnit('o dien', 'xã Ô Diên');
    await pickUnit('hoai hao', 'phường Hoài Hảo');
    await page.keyboard.press('Escape');
    await page.getByRole('combobox', { name: 'Kỳ' }).click();
    await page.locator('.ant-select-item-option', { hasText: 'năm 2025' }).first().click();

    const matrix = page
      .getByRole('table')
      .filter({ has: page.getByText('Chỉ số', { exact: true }) })
      .first();
    await matrix.getByText('Cải cách thủ tục hành chính', { exact: false }).first().waitFor();
    const header = await matrix.locator('thead').textContent();
    expect(header).toContain('xã Hưng Thịnh');
    expect(header).toContain('xã Ô Diên');
    expect(header).toContain('phường Hoài Hảo');

    const ids = new URL(page.url()).searchParams.get('units')?.split(',') ?? [];
    expect(ids).toHaveLength(3);
    const view = await apiGet<TComparisonView>(
      'reviewer',
      `/comparisons?units=${ids.join(',')}&period=2025`,
    );
    // One matrix row per indicator, and the API's most ambitious marks.
    const indicatorRows = await matrix
      .locator('tbody tr.ant-table-row:not(.matrix-area-row)')
      .count();
    expect(indicatorRows).toBe(view.rows.length);
    const marked = view.rows
      .flatMap((row) => row.cells)
      .filter((cell) => cell.mostAmbitious).length;
    expect(await matrix.getByText('▲ Cao nhất').count()).toBe(marked);
    expect(await page.getByRole('img', { name: /Biểu đồ cột/ }).count()).toBe(1);
    await screenshot(page, 'so-sanh');
    await signOut(page);
  });

  it("keeps the Hà Nội reviewer out of Hoài Hảo's page (Bình Định)", async () => {
    const hoaiHao = (await apiGet<TUnitListItem[]>('reviewer', '/units?q=hoai%20hao')).find(
      (unit) => unit.name === 'Hoài Hảo',
    );
    expect(hoaiHao).toBeDefined();
    await signIn(page, 'reviewer.hanoi', `/units/${hoaiHao?.id ?? ''}`);
    await page.getByText('Bạn không có quyền xem đơn vị này').waitFor();
    expect(await page.getByText('Quá trình hình thành, sắp xếp').count()).toBe(0);
    await screenshot(page, 'don-vi-ngoai-pham-vi');

    // Its own units open, with the classification history and lineage.
    await page.goto('/units?q=o%20dien');
    await page.getByRole('link', { name: 'xã Ô Diên' }).click();
    await page.getByRole('region', { name: 'Quá trình hình thành, sắp xếp' }).waitFor();
    await page.getByText('Lịch sử phân loại').waitFor();
    await screenshot(page, 'don-vi');
  });
});
