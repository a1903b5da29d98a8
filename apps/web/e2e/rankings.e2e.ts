import type { TRankingView } from '@commune-bench/domain';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, routeExists } from './support/api';
import { openBrowser, screenshot, signIn, type BrowserSession } from './support/browser';
import { readWorkbook } from './support/xlsx';

const QUERY = 'indicator=CQS.DTI&period=2026&province=HNI&type=xa&class=I';

let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  session = await openBrowser();
  page = session.page;
  await signIn(page, 'reviewer.hanoi');
});

afterAll(async () => {
  await session.close();
});

async function tableRows(): Promise<string[][]> {
  const table = page
    .getByRole('table')
    .filter({ has: page.getByText('Hạng', { exact: true }) })
    .first();
  await table.locator('tbody tr.ant-table-row').first().waitFor();
  return table
    .locator('tbody tr.ant-table-row')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim() ?? ''),
      ),
    );
}

describe('Xếp hạng, as the Hà Nội reviewer', () => {
  it('opens from the menu and shows the league table the API computes for Hà Nội xã loại I, DTI 2026', async () => {
    await page.getByRole('menuitem', { name: 'Xếp hạng' }).click();
    await page.waitForURL(/\/rankings/);
    // The natural cohort of a Hà Nội reviewer is written to the URL.
    await expect.poll(() => new URL(page.url()).searchParams.get('province')).toBe('HNI');
    await page.goto(`/rankings?${QUERY}`);

    const expected = await apiGet<TRankingView>('reviewer.hanoi', `/rankings?${QUERY}`);
    expect(expected.rows.length).toBeGreaterThan(3);
    const rows = await tableRows();
    expect(rows.length).toBe(expected.rows.length);
    for (const [index, row] of expected.rows.slice(0, 5).entries()) {
      const [rank, , unit, value] = rows[index] ?? [];
      expect(rank).toContain(String(row.rank));
      expect(unit).toContain(row.unitName);
      expect(value).toBe(row.displayValue);
    }
    // Change arrows match the API's change.
    const first = expected.rows[0];
    if (first?.change !== null && first?.change !== undefined && first.change > 0) {
      expect(rows[0]?.[1]).toBe(`▲ ${first.change}`);
    }
    // Units left out with their reason, and the method note.
    for (const excluded of expected.excluded) {
      await expect
        .poll(() => page.getByRole('region', { name: 'Đơn vị không được xếp hạng' }).textContent())
        .toContain(excluded.unitName);
    }
    const method = await page.getByRole('region', { name: 'Phương pháp xếp hạng' }).textContent();
    expect(method).toContain('xã loại I');
    expect(method).toContain('4 chữ số thập phân');
    expect(await page.getByRole('img', { name: /Biểu đồ cột/ }).count()).toBe(1);
    await screenshot(page, 'xep-hang');
  });

  it('exports the same ranking to Excel: a valid workbook with the same rows', async ({ skip }) => {
    const available = await routeExists('reviewer.hanoi', 'GET', `/reports/ranking.xlsx?${QUERY}`);
    if (!available)
      skip('GET /api/reports/ranking.xlsx is not served yet (reports are other work)');
    await page.goto(`/rankings?${QUERY}`);
    await tableRows();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Xuất Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await readFile(await download.path());
    const sheets = readWorkbook(file);
    const text = sheets.flat().map((row) => row.join(' | '));
    const expected = await apiGet<TRankingView>('reviewer.hanoi', `/rankings?${QUERY}`);
    const positions = expected.rows.map((row) =>
      text.findIndex((line) => line.includes(row.unitName)),
    );
    expect(positions.every((position) => position >= 0)).toBe(true);
    // In rank order.
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});
