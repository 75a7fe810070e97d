import { defineSpec, expectCount, expectText, expectVisible, login } from '../lib/harness.ts';

export default defineSpec(
  'unit form puts the server error on the named field',
  async ({ page, baseURL, adminPassword }) => {
    await login(page, baseURL, 'admin', adminPassword);
    await page.getByRole('link', { name: 'Cơ cấu tổ chức' }).click();
    await expectVisible(page.getByTestId('unit-tree-item'));

    // Select the Office in the tree and look at its details.
    await page
      .getByTestId('unit-tree-label')
      .filter({ hasText: /^Văn phòng UBND tỉnh/ })
      .first()
      .click();
    await expectText(page.getByTestId('unit-details-name'), 'Văn phòng UBND tỉnh');

    // Create a subordinate unit reusing the Office's code: the server answers 409/400 with field "code".
    await page.getByTestId('unit-create-child').click();
    const dialog = page.getByRole('dialog');
    await expectText(dialog, 'Thêm đơn vị');
    const officeCode = 'VP';
    await page.getByTestId('unit-code').fill(officeCode);
    await page.getByTestId('unit-level').click();
    await page.getByRole('option', { name: 'Phòng', exact: true }).click();
    await page.getByTestId('unit-name').fill('Phòng Thử nghiệm');
    await page.getByTestId('unit-short-name').fill('PTN');
    await page.getByTestId('unit-type').fill('Phòng');
    await page.getByTestId('unit-save').click();

    const codeField = page.getByTestId('unit-code');
    await expectText(dialog, /mã đơn vị đã tồn tại/i);
    await expectVisible(page.locator('[data-testid="unit-code"][aria-invalid="true"]'));
    await expectCount(page.getByTestId('unit-form-error'), 0);

    // Typing clears the error; a unique code saves and selects the new unit.
    await codeField.fill(`E2E-${Date.now()}`);
    await expectCount(page.locator('[data-testid="unit-code"][aria-invalid="true"]'), 0);
    await page.getByTestId('unit-save').click();
    await dialog.waitFor({ state: 'hidden' });
    await expectText(page.getByTestId('unit-details-name'), 'Phòng Thử nghiệm');
    await expectVisible(page.getByTestId('unit-tree-label').filter({ hasText: 'Phòng Thử nghiệm' }));
  },
);
