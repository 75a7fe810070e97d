import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineSpec, expect, expectCount, expectText, expectVisible, login } from '../lib/harness.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = path.join(root, 'server', 'test', 'fixtures', 'documents');

export default defineSpec(
  'clerk bulk-imports scans: each file gets its result and a bad file does not stop the rest',
  async ({ page, baseURL, demoPassword, artifactsDir }) => {
    const scans = ['07-giay-moi-hop-giao-ban.png', '27-bao-cao-so-y-te-dich-benh.png']
      .map((f) => path.join(fixtures, f))
      .filter((f) => existsSync(f));
    expect(scans.length === 2, `scan fixtures missing under ${fixtures}`);
    const bad = path.join(artifactsDir, 'khong-phai-pdf.pdf');
    writeFileSync(bad, 'Đây không phải là tệp PDF.');

    await login(page, baseURL, 'vanthu', demoPassword);
    await page.getByTestId('nav-incoming').click();
    await page.getByTestId('incoming-bulk').click();
    const modal = page.getByRole('dialog');
    await expectText(modal, 'Nhập hàng loạt văn bản đến');
    await page.getByTestId('bulk-drop-input').setInputFiles([scans[0]!, bad, scans[1]!]);
    await expectCount(page.getByTestId('bulk-row'), 3);
    await expectText(page.getByTestId('bulk-progress-text'), '0/3');
    await page.getByTestId('bulk-start').click();

    await expectVisible(page.getByTestId('bulk-done'), 90_000);
    await expectText(page.getByTestId('bulk-progress-text'), '3/3');
    await expectText(page.getByTestId('bulk-done'), '2 thành công, 1 lỗi');
    const rows = page.getByTestId('bulk-row');
    await expectText(rows.nth(0), /Số đến \d+/);
    expect((await rows.nth(1).getAttribute('data-state')) === 'error', 'the bad file fails');
    await expectVisible(rows.nth(1).getByTestId('bulk-error'));
    await expectText(rows.nth(2), /Số đến \d+/);

    // Both documents are in the list with their arrival numbers.
    const numbers = [await rows.nth(0).innerText(), await rows.nth(2).innerText()].map(
      (t) => /Số đến (\d+)/.exec(t)![1]!,
    );
    await page.keyboard.press('Escape');
    for (const n of numbers) {
      await expectCount(page.getByTestId('doc-arrival-number').filter({ hasText: new RegExp(`^${n}$`) }), 1);
    }
  },
);
