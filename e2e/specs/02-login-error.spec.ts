import { defineSpec, expect, expectText, expectVisible } from '../lib/harness.ts';

export default defineSpec(
  'wrong password shows the Vietnamese error (and English when toggled)',
  async ({ page, baseURL }) => {
    await page.goto(`${baseURL}/`);
    // Not signed in: the app sends us to the login page.
    await page.waitForURL(/\/login$/);
    await expectVisible(page.getByRole('button', { name: 'Đăng nhập' }));

    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    const alert = page.getByRole('alert');
    await expectVisible(alert);
    await expectText(alert, /Tên đăng nhập hoặc mật khẩu không đúng/);
    expect(page.url().endsWith('/login'), 'should stay on the login page');

    // English toggle: labels and the server message follow; the choice survives a reload.
    await page.getByTestId('lang-toggle').getByText('EN').click();
    await expectVisible(page.getByRole('button', { name: 'Sign in' }));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectText(page.getByRole('alert'), /wrong user name or password/i);
    await page.reload();
    await expectVisible(page.getByRole('button', { name: 'Sign in' }));
    await page.getByTestId('lang-toggle').getByText('VI').click();
    await expectVisible(page.getByRole('button', { name: 'Đăng nhập' }));
  },
);
