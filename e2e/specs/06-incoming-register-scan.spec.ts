import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { defineSpec, expect, expectText, expectVisible, login, todayHcm, vnDate } from '../lib/harness.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = path.join(root, 'server', 'test', 'fixtures', 'documents');

/** A scanned page from the extraction corpus (a tờ trình of Sở Tài chính), or any scan there. */
function scanFixture(): string {
  for (const name of ['04-to-trinh-so-tai-chinh.png', '03-cong-van-phong-chong-thien-tai.png']) {
    const p = path.join(fixtures, name);
    if (existsSync(p)) return p;
  }
  const any = existsSync(fixtures) ? readdirSync(fixtures).find((f) => f.endsWith('.png')) : undefined;
  if (any) return path.join(fixtures, any);
  const own = path.join(root, 'e2e', 'fixtures', 'van-ban.png');
  if (existsSync(own)) return own;
  throw new Error(`no scan fixture under ${fixtures}`);
}

async function valueOf(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).inputValue()).trim();
}

async function pickOption(page: Page, testId: string, name: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name }).first().click();
}

export default defineSpec(
  'clerk registers a scanned incoming document pre-filled by extraction and finds it by its arrival number',
  async ({ page, baseURL, demoPassword }) => {
    const scan = scanFixture();
    await login(page, baseURL, 'vanthu', demoPassword);
    await page.getByTestId('nav-incoming').click();
    await expectText(page.getByTestId('page-title'), 'Văn bản đến');
    await page.getByTestId('incoming-register').click();
    await expectText(page.getByTestId('page-title'), 'Đăng ký văn bản đến');

    // Drop the scan: the server reads it (OCR) and the form is pre-filled with confidences.
    await page.getByTestId('incoming-drop-input').setInputFiles(scan);
    await expectText(page.getByTestId('incoming-file-name'), path.basename(scan));
    const extracted = page.getByTestId('incoming-extracted');
    const failed = page.getByTestId('incoming-extract-error');
    await Promise.race([
      extracted.waitFor({ state: 'visible', timeout: 90_000 }),
      failed.waitFor({ state: 'visible', timeout: 90_000 }),
    ]);
    if (await failed.isVisible()) throw new Error(`extraction failed: ${await failed.innerText()}`);
    if (await page.getByTestId('ocr-unavailable').isVisible()) {
      throw new Error('OCR is not available on the server: install tesseract-ocr and tesseract-ocr-vie');
    }

    const type = await valueOf(page, 'incoming-type');
    const subject = await valueOf(page, 'incoming-subject');
    expect(type || subject, 'extraction should pre-fill the type or the subject');
    await expectVisible(page.locator('[data-testid^="confidence-"]'));
    console.log(`    pre-filled: type=${JSON.stringify(type)} subject=${JSON.stringify(subject.slice(0, 60))}`);

    // Complete whatever the extraction left empty among the required fields.
    if ((await valueOf(page, 'incoming-issuer')).length < 2) {
      await page.getByTestId('incoming-issuer').fill('Sở Tài chính');
    }
    if (!(await valueOf(page, 'incoming-issuedDate'))) {
      await page.getByTestId('incoming-issuedDate').fill(vnDate(todayHcm()));
      await page.getByTestId('incoming-issuedDate').press('Tab');
    }
    if (!type) await pickOption(page, 'incoming-type', 'Tờ trình');
    if (subject.length < 3) await page.getByTestId('incoming-subject').fill('Đề nghị bổ sung kinh phí (kiểm thử e2e)');
    const finalSubject = await valueOf(page, 'incoming-subject');

    await page.getByTestId('incoming-submit').click();
    // A document with the same number may exist already: the clerk confirms.
    const done = page.getByTestId('document-flash');
    const duplicate = page.getByTestId('incoming-confirm-duplicate');
    const formError = page.getByTestId('incoming-form-error');
    await Promise.race([
      done.waitFor({ state: 'visible', timeout: 30_000 }),
      duplicate.waitFor({ state: 'visible', timeout: 30_000 }),
      formError.waitFor({ state: 'visible', timeout: 30_000 }),
    ]);
    if (await formError.isVisible()) throw new Error(`registration refused: ${await formError.innerText()}`);
    if (await duplicate.isVisible()) await duplicate.click();

    await expectText(done, /Đã đăng ký, số đến \d+/, 30_000);
    const arrival = /số đến (\d+)/.exec(await done.innerText())?.[1];
    expect(arrival, 'the arrival number should be shown');
    await expectText(page.getByTestId('meta-arrivalNumber'), arrival!);
    await expectVisible(page.getByTestId('document-file'));
    await expectVisible(page.getByTestId('file-preview-image'));
    await expectText(page.getByTestId('document-trace'), 'Đăng ký');

    // The document is in the incoming list with its arrival number.
    await page.getByTestId('nav-incoming').click();
    const row = page
      .getByTestId('incoming-table-row')
      .filter({ has: page.getByTestId('doc-subject') })
      .filter({
        hasText: finalSubject.slice(0, 40),
      });
    await expectVisible(row);
    await expectText(row.first().getByTestId('doc-arrival-number'), arrival!);

    // Server-side search finds it by its subject too.
    await page.getByTestId('doc-search').fill(finalSubject.split(/\s+/).slice(0, 4).join(' '));
    await expectText(page.getByTestId('incoming-table-row').first().getByTestId('doc-arrival-number'), arrival!);
  },
);
