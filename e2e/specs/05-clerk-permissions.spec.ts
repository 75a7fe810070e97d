import { defineSpec, expectCount, expectVisible, login } from '../lib/harness.ts';

export default defineSpec('clerk sees no admin controls and can sign out', async ({ page, baseURL, demoPassword }) => {
  await login(page, baseURL, 'vanthu', demoPassword);
  const nav = page.getByTestId('navbar');
  await expectVisible(nav.getByRole('link', { name: 'Cán bộ' }));
  await expectCount(nav.getByRole('link', { name: 'Nhật ký' }), 0);
  await expectCount(nav.getByRole('link', { name: 'Biên chế' }), 0);

  await nav.getByRole('link', { name: 'Phân công lãnh đạo' }).click();
  await expectVisible(page.getByTestId('assignments-table-row'));
  await expectCount(page.getByRole('button', { name: 'Sửa phân công' }), 0);

  await page.goto(`${baseURL}/audit`);
  await expectVisible(page.getByTestId('forbidden'));

  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await page.waitForURL(/\/login$/);
  // The session is gone: protected pages send us back to the login page.
  await page.goto(`${baseURL}/org/people`);
  await page.waitForURL(/\/login$/);
});
