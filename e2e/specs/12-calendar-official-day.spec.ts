import type { Page } from 'playwright-core';
import { defineSpec, expect, expectCount, expectText, expectVisible, login } from '../lib/harness.ts';

async function computeDeadline(page: Page, from: string, days: number): Promise<string> {
  const tool = page.getByTestId('deadline-tool');
  await tool.getByTestId('deadline-from').fill(from);
  await tool.getByTestId('deadline-from').press('Tab');
  await tool.getByTestId('deadline-days').fill(String(days));
  const before = await tool.getByTestId('deadline-result').count();
  const previous = before ? await tool.getByTestId('deadline-result').getAttribute('data-date') : null;
  await tool.getByTestId('deadline-compute').click();
  const result = tool.getByTestId('deadline-result');
  await expectVisible(result);
  // Wait for the new answer when one was already shown.
  for (let i = 0; i < 50 && previous && (await result.getAttribute('data-date')) === previous; i++)
    await page.waitForTimeout(100);
  return (await result.getAttribute('data-date'))!;
}

export default defineSpec(
  'the administrator adds an official day off to the 2027 calendar; the deadline tool counts around it; deleting it restores the default',
  async ({ page, baseURL, adminPassword }) => {
    await login(page, baseURL, 'admin', adminPassword);
    await page.getByTestId('nav-calendar').click();
    await expectText(page.getByTestId('page-title'), 'Lịch làm việc');

    // 2 working days after Thursday 31/12/2026: Friday 1/1 is Tết Dương lịch → Tuesday 05/01/2027.
    expect((await computeDeadline(page, '31/12/2026', 2)) === '2027-01-05', 'default calendar: 05/01/2027');
    await expectText(page.getByTestId('deadline-result'), 'Thứ Ba, 05/01/2027');

    await page.getByTestId('calendar-year').click();
    await page.getByRole('option', { name: '2027', exact: true }).click();
    const table = page.getByTestId('calendar-table');
    await expectVisible(table.locator('[data-testid="calendar-table-row"][data-date="2027-01-01"]'));
    await expectCount(table.locator('[data-date="2027-01-04"]'), 0);

    await page.getByTestId('calendar-add').click();
    await page.getByTestId('calendar-day-date').fill('04/01/2027');
    await page.getByTestId('calendar-day-date').press('Tab');
    await page.getByTestId('calendar-day-name').fill('Nghỉ hoán đổi dịp Tết Dương lịch (kiểm thử)');
    await page.getByTestId('calendar-day-kind').click();
    await page.getByRole('option', { name: 'Nghỉ theo quyết định của Chính phủ' }).click();
    // Required basis: the form says so before sending.
    await page.getByTestId('calendar-day-save').click();
    await expectText(page.getByTestId('calendar-day-form'), 'Vui lòng nhập căn cứ');
    await page
      .getByTestId('calendar-day-basis')
      .fill('Thông báo số 01/TB-BNV ngày 01/12/2026 của Bộ Nội vụ (kiểm thử)');
    await page.getByTestId('calendar-day-save').click();

    const row = table.locator('[data-testid="calendar-table-row"][data-date="2027-01-04"]');
    await expectVisible(row, 15_000);
    expect((await row.getAttribute('data-source')) === 'official', 'the new day is official');
    await expectText(row, 'Chính thức');
    await expectText(row, 'Thứ Hai');

    // Monday 4/1 is now off: → Wednesday 06/01/2027.
    expect((await computeDeadline(page, '31/12/2026', 2)) === '2027-01-06', 'with the day off: 06/01/2027');
    await expectText(page.getByTestId('deadline-result'), 'Thứ Tư, 06/01/2027');

    // Delete it: back to the statutory calendar.
    await row.getByTestId('calendar-delete').click();
    await page.getByTestId('calendar-delete-confirm').click();
    await expectCount(table.locator('[data-date="2027-01-04"]'), 0, 15_000);
    expect((await computeDeadline(page, '31/12/2026', 2)) === '2027-01-05', 'deleted: 05/01/2027 again');
  },
);
