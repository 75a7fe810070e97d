import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineSpec, expect, expectText, expectVisible, login } from '../lib/harness.ts';

export default defineSpec(
  'admin drafts an outgoing decision, signs it (no form) and issues it a number NN/QĐ-UBND',
  async ({ page, baseURL, adminPassword, artifactsDir }) => {
    await login(page, baseURL, 'admin', adminPassword);
    await page.getByTestId('nav-outgoing').click();
    await expectText(page.getByTestId('page-title'), 'Văn bản đi');
    await page.getByTestId('outgoing-new').click();
    await expectText(page.getByTestId('page-title'), 'Soạn dự thảo văn bản đi');

    await page.getByTestId('draft-type').click();
    await page.getByRole('option', { name: 'Quyết định', exact: true }).click();
    const subject = `Về việc phê duyệt kế hoạch kiểm thử e2e ${Date.now()}`;
    await page.getByTestId('draft-subject').fill(subject);
    await page
      .getByTestId('draft-body')
      .fill('Điều 1. Phê duyệt kế hoạch.\nĐiều 2. Quyết định có hiệu lực kể từ ngày ký.');
    await page.getByTestId('draft-recipientUnits').click();
    await page.getByTestId('draft-recipientUnits').fill('Sở Tài chính');
    await page
      .getByRole('option', { name: /Sở Tài chính/ })
      .first()
      .click();
    await page.keyboard.press('Escape');
    await page.getByTestId('draft-recipientOthers').fill('Lưu: VT');
    await page.getByTestId('draft-save').click();

    const doc = page.getByTestId('document-page');
    await expectVisible(doc);
    await expectText(page.getByTestId('meta-subject'), subject);
    expect((await doc.getAttribute('data-status')) === 'draft', 'a new draft');

    // Sign as admin with no signing form (the checks are skipped for the demo admin).
    await page.getByTestId('action-sign').click();
    await page.getByTestId('sign-form-none').check();
    await page.getByTestId('sign-confirm').click();
    await page.locator('[data-testid="document-page"][data-status="signed"]').waitFor({ timeout: 15_000 });

    // Issue: the number and notation come back and are shown.
    await page.getByTestId('action-issue').click();
    await page.getByTestId('issue-confirm').click();
    await expectText(page.getByTestId('issued-code'), /Đã cấp số \d{2,}\/QĐ-UBND/);
    const code = /(\d{2,}\/QĐ-UBND)/.exec(await page.getByTestId('issued-code').innerText())![1]!;
    await page.locator('[data-testid="document-page"][data-status="issued"]').waitFor({ timeout: 15_000 });
    await expectText(page.getByTestId('page-title'), code);
    await expectText(page.getByTestId('meta-code'), code);
    const trace = page.getByTestId('document-trace');
    await expectText(trace, 'Cấp số');
    await expectText(trace, 'Ký');
    console.log(`    issued ${code}`);

    // The outgoing list and the register show it.
    await page.getByTestId('nav-outgoing').click();
    await expectVisible(page.getByTestId('outgoing-table-row').filter({ hasText: code }));
    await page.getByTestId('nav-registers').click();
    await page.getByTestId('register-direction').getByText('Văn bản đi').click();
    await expectVisible(page.getByTestId('register-row').filter({ hasText: code }));

    // "Xuất PDF" downloads the server's A4 register.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 20_000 }),
      page.getByTestId('register-pdf').click(),
    ]);
    const file = path.join(artifactsDir, 'so-dang-ky-di.pdf');
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString() === '%PDF-', 'the register download should be a PDF');
  },
);
