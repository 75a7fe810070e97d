import type { Page } from 'playwright-core';
import {
  defineSpec,
  expect,
  expectText,
  expectVisible,
  login,
  registerViaApi,
  todayHcm,
  vnDate,
} from '../lib/harness.ts';

const RULE_ID = 'bao-cao-y-te';
const SUBMIT = 'Trình lãnh đạo UBND tỉnh';

async function pickOption(page: Page, testId: string, name: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page
    .getByRole('option', { name, exact: typeof name === 'string' })
    .first()
    .click();
}

export default defineSpec(
  'admin adds a routing rule at the top, saves, dry-runs and publishes it; a health report is then submitted to the leader because of it',
  async ({ page, baseURL, adminPassword }) => {
    await login(page, baseURL, 'admin', adminPassword);
    const today = todayHcm();

    // A health report already registered: the live policy files it "for information"; the dry run will show it change.
    const earlierSubject = `Báo cáo công tác y tế tháng 2 (kiểm thử e2e ${Date.now()})`;
    await registerViaApi(page, baseURL, {
      issuer: { unitCode: 'SYT' },
      issuedDate: today,
      type: 'BC',
      subject: earlierSubject,
      fields: ['Y_TE'],
    });

    // Chính sách phân luồng → draft tab → "Thêm quy tắc".
    await page.getByTestId('nav-routing-policy').click();
    await expectText(page.getByTestId('page-title'), 'Chính sách phân luồng');
    await expectText(page.getByTestId('policy-live-version'), /Phiên bản \d+ đang áp dụng/);
    const liveBefore = await page.getByTestId('policy-live-version').innerText();
    await page.getByTestId('policy-tab-draft').click();
    await expectVisible(page.getByTestId('policy-json'));
    await page.getByTestId('policy-add-rule').click();
    await expectVisible(page.getByTestId('rule-form'));

    await page.getByTestId('rule-form-id').fill(RULE_ID);
    await page.getByTestId('rule-form-name').fill('Báo cáo lĩnh vực y tế: trình lãnh đạo UBND tỉnh nắm tình hình');
    // A multi-select stays open after a pick; Escape would close the dialog, so click elsewhere.
    const closeList = () => page.getByTestId('rule-form-name').click();
    await pickOption(page, 'rule-form-field', 'Y tế');
    await closeList();
    await pickOption(page, 'rule-form-request-kind', 'Báo cáo');
    await closeList();
    await pickOption(page, 'rule-form-flow', SUBMIT);
    expect(
      (await page.getByTestId('rule-form-position').inputValue()).startsWith('Đầu danh sách'),
      'the new rule goes to the top by default',
    );
    await page.getByTestId('rule-form-insert').click();
    await page.getByTestId('rule-form').waitFor({ state: 'detached' });

    // The editor now starts with the new rule, its condition and action in words.
    const firstRow = page.getByTestId('editor-rules-row').first();
    await expectText(firstRow.getByTestId('rule-id'), RULE_ID);
    await expectText(firstRow, 'Lĩnh vực Y tế và loại yêu cầu: báo cáo');
    await expectText(firstRow, `Luồng: ${SUBMIT}`);

    // Save the draft.
    await page.getByTestId('policy-note').fill('Thêm quy tắc báo cáo y tế (kiểm thử e2e)');
    await page.getByTestId('policy-save-draft').click();
    await expectVisible(page.getByTestId('policy-draft-version'));
    await page.getByTestId('policy-unsaved').waitFor({ state: 'detached' });

    // Dry run on the latest documents: the earlier health report changes flow.
    await page.getByTestId('policy-last-n').fill('50');
    await page.getByTestId('policy-dry-run').click();
    await expectText(page.getByTestId('dry-run-summary'), /Đã kiểm tra \d+ văn bản; [1-9]\d* văn bản thay đổi/);
    const changedRow = page.getByTestId('dry-run-table-row').filter({ hasText: earlierSubject });
    await expectVisible(changedRow);
    await expectText(changedRow, 'Để biết, lưu');
    await expectText(changedRow.getByTestId('dry-run-after-flow'), SUBMIT);

    // Publish, confirming in the dialog.
    await page.getByTestId('policy-publish').click();
    await page.getByTestId('policy-publish-confirm').click();
    await page.getByTestId('policy-draft-version').waitFor({ state: 'detached' });
    await expectText(page.getByTestId('policy-live-version'), /Phiên bản \d+ đang áp dụng/);
    const liveAfter = await page.getByTestId('policy-live-version').innerText();
    expect(liveAfter !== liveBefore, `a new live version (before: ${liveBefore}, after: ${liveAfter})`);
    await expectText(page.getByTestId('live-rules-row').first().getByTestId('rule-id'), RULE_ID);

    // The clerk's form: a health report from Sở Y tế, with the live route preview.
    await page.getByTestId('nav-incoming').click();
    await page.getByTestId('incoming-register').click();
    await expectText(page.getByTestId('page-title'), 'Đăng ký văn bản đến');
    const subject = 'Báo cáo tình hình dịch bệnh tháng 3';
    await page.getByTestId('incoming-issuer').fill('Sở Y tế');
    await page.keyboard.press('Escape');
    await page.getByTestId('incoming-issuedDate').fill(vnDate(today));
    await page.getByTestId('incoming-issuedDate').press('Tab');
    await pickOption(page, 'incoming-type', 'Báo cáo');
    await page.getByTestId('incoming-subject').fill(subject);
    await pickOption(page, 'incoming-fields', 'Y tế');
    await page.keyboard.press('Escape');
    await page.getByTestId('incoming-reference-add').click();
    await page.getByTestId('incoming-reference-code').fill('125/KH-UBND');
    await pickOption(page, 'incoming-reference-kind', 'Khác');

    const preview = page.getByTestId('route-preview');
    await expectText(preview.getByTestId('route-flow'), SUBMIT, 15_000);
    await expectVisible(preview.locator(`[data-testid="route-reason"][data-rule="${RULE_ID}"]`));

    await page.getByTestId('incoming-submit').click();
    const flash = page.getByTestId('document-flash');
    const formError = page.getByTestId('incoming-form-error');
    await Promise.race([
      flash.waitFor({ state: 'visible', timeout: 30_000 }),
      formError.waitFor({ state: 'visible', timeout: 30_000 }),
    ]);
    if (await formError.isVisible()) throw new Error(`registration refused: ${await formError.innerText()}`);
    await expectText(flash, new RegExp(`Đã đăng ký, số đến \\d+ — luồng xử lý: ${SUBMIT}`));

    // The document page: flow, the reason naming the new rule, the policy version.
    await expectText(page.getByTestId('meta-subject'), subject);
    const card = page.getByTestId('route-card');
    await expectText(card.getByTestId('route-flow'), SUBMIT);
    const reason = card.locator(`[data-testid="route-reason"][data-rule="${RULE_ID}"]`);
    await expectVisible(reason);
    await expectText(reason, RULE_ID);
    await expectText(card.getByTestId('route-policy-version'), /Chính sách phân luồng phiên bản \d+ · ngày phân luồng/);
    await expectText(card.getByTestId('route-field'), 'Y tế');
    await expectText(page.getByTestId('meta-referencedCodes'), '125/KH-UBND');
  },
);
