import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { defineSpec, expect, expectCount, expectText, expectVisible, login } from '../lib/harness.ts';

export default defineSpec(
  'admin sees the 96 communes and exports them',
  async ({ page, baseURL, adminPassword, artifactsDir }) => {
    await login(page, baseURL, 'admin', adminPassword);

    await page.getByRole('link', { name: 'Xã, phường' }).click();
    await expectText(page.getByTestId('page-title'), 'Xã, phường');

    const rows = page.getByTestId('communes-table-row');
    await expectCount(rows, 96, 15_000);
    await expectText(page.getByTestId('communes-table-count'), '96 đơn vị');

    const byName = (name: string) => rows.filter({ has: page.getByRole('cell', { name, exact: true }) });
    const camThanh = byName('Phường Cẩm Thành');
    await expectCount(camThanh, 1);
    await expectText(camThanh, '21025');
    await expectText(camThanh, 'phường');

    const lySon = byName('Đặc khu Lý Sơn');
    await expectCount(lySon, 1);
    await expectText(lySon, '21548');
    await expectText(lySon, 'đặc khu');

    // Diacritic-insensitive filter.
    await page.getByTestId('communes-table-filter').fill('cam thanh');
    await expectCount(rows, 1);
    await expectText(rows, 'Phường Cẩm Thành');
    await page.getByTestId('communes-table-filter').fill('');
    await expectCount(rows, 96);

    // Sorted by code ascending at first; one click on the header reverses it.
    const codeHeader = page.locator('th').filter({ has: page.getByTestId('communes-table-sort-code') });
    await expectVisible(codeHeader.and(page.locator('[aria-sort="ascending"]')));
    const firstAsc = await rows.first().getAttribute('data-row-key');
    await page.getByTestId('communes-table-sort-code').click();
    await expectVisible(codeHeader.and(page.locator('[aria-sort="descending"]')));
    const firstDesc = await rows.first().getAttribute('data-row-key');
    expect(firstAsc !== firstDesc, 'reversing the sort should change the first row');
    const codes = (await rows.locator('td:first-child').allInnerTexts()).map((c) => c.trim());
    expect(
      codes.join() === [...codes].sort((a, b) => b.localeCompare(a, 'vi', { numeric: true })).join(),
      'codes should be in descending order',
    );

    // Excel export of the visible rows.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('communes-table-export').click(),
    ]);
    const name = download.suggestedFilename();
    expect(name.endsWith('.xlsx'), `export file name should end with .xlsx, got ${name}`);
    const file = path.join(artifactsDir, name);
    await download.saveAs(file);
    const bytes = await readFile(file);
    expect(
      bytes.length > 2000 && bytes.subarray(0, 2).toString() === 'PK',
      `export should be an xlsx (zip) file, got ${bytes.length} bytes`,
    );
  },
);
