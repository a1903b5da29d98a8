import type { TJobView, TRankingView } from '@commune-bench/domain';
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

  it('exports it as a background job: progress while it runs, then the same workbook downloaded, and listed under “Tác vụ nền”', async ({
    skip,
  }) => {
    const available = await routeExists('reviewer.hanoi', 'GET', '/jobs');
    if (!available) skip('GET /api/jobs is not served yet (background jobs are other work)');
    await page.goto(`/rankings?${QUERY}`);
    await tableRows();
    const exports = page.getByRole('group', { name: 'Xuất báo cáo' });
    await exports.getByText('Xuất dưới nền').click();
    expect(await exports.getByRole('checkbox', { name: 'Xuất dưới nền' }).isChecked()).toBe(true);

    const downloaded = page.waitForEvent('download', { timeout: 90_000 });
    await exports.getByRole('button', { name: 'Xuất Excel' }).click();
    const status = exports.getByRole('status', { name: 'Xuất bảng xếp hạng (Excel)' });
    await status.waitFor();
    const download = await downloaded;
    await status.getByText('Hoàn thành').waitFor();
    await exports.getByRole('button', { name: 'Tải lại' }).waitFor();

    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const sheets = readWorkbook(await readFile(await download.path()));
    const text = sheets.flat().map((row) => row.join(' | '));
    const expected = await apiGet<TRankingView>('reviewer.hanoi', `/rankings?${QUERY}`);
    const positions = expected.rows.map((row) =>
      text.findIndex((line) => line.includes(row.unitName)),
    );
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    // The API keeps the job, done, with the file the browser saved.
    const [job] = await apiGet<TJobView[]>('reviewer.hanoi', '/jobs');
    expect(job?.kind).toBe('ranking_export');
    expect(job?.status).toBe('done');
    expect(job?.file?.name).toBe(download.suggestedFilename());

    await page.getByRole('button', { name: 'Tác vụ nền' }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: 'Tác vụ nền' });
    const item = drawer.getByRole('listitem').first();
    expect(await item.getAttribute('aria-label')).toBe('Xuất bảng xếp hạng (Excel)');
    await item.getByText('Hoàn thành').waitFor();
    // The name also gives the size: a substring match.
    await item.getByRole('button', { name: `Tải tệp ${download.suggestedFilename()}` }).waitFor();
    await screenshot(page, 'tac-vu-nen');
    await page.keyboard.press('Escape');
  });
});
