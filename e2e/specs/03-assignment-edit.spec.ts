import {
  addDays,
  defineSpec,
  expect,
  expectAtLeast,
  expectCount,
  expectText,
  expectVisible,
  login,
  todayHcm,
  vnDate,
} from '../lib/harness.ts';

export default defineSpec(
  'admin adds a field to a Vice Chairman from a date and sees it',
  async ({ page, baseURL, adminPassword }) => {
    await login(page, baseURL, 'admin', adminPassword);
    await page.getByRole('link', { name: 'Phân công lãnh đạo' }).click();
    await expectText(page.getByTestId('page-title'), 'Phân công lãnh đạo');

    const rows = page.getByTestId('assignments-table-row');
    await expectVisible(rows);
    // The first plain Vice Chairman (not the standing one).
    const row = rows.filter({ hasText: /Phó Chủ tịch UBND tỉnh/ }).first();
    await expectVisible(row);
    const leaderName = (await row.getAttribute('data-leader-name')) ?? '';
    expect(leaderName, 'row should carry the leader name');
    const leaderRow = page.locator(`[data-testid="assignments-table-row"][data-leader-name="${leaderName}"]`);
    const before = await leaderRow.getByTestId('assignment-fields-badge').allInnerTexts();

    await leaderRow.getByRole('button', { name: 'Sửa phân công' }).click();
    const modal = page.getByRole('dialog');
    await expectText(modal, `Sửa phân công — ${leaderName}`);

    // Open the fields MultiSelect and pick the first field the leader does not have yet.
    await page.getByTestId('assignment-fields-input').click();
    const options = page.getByRole('option');
    await expectVisible(options);
    let added = '';
    for (const text of await options.allInnerTexts()) {
      const label = text.trim();
      if (label && !before.some((b) => b.trim().toLowerCase() === label.toLowerCase())) {
        added = label;
        break;
      }
    }
    expect(added, 'there should be a field to add');
    await options.filter({ hasText: added }).first().click();

    const today = todayHcm();
    await page.getByTestId('assignment-valid-from-input').fill(today);
    await page.getByTestId('assignment-note').fill('Kiểm thử e2e: bổ sung lĩnh vực');
    await page.getByTestId('assignment-save').click();
    await modal.waitFor({ state: 'hidden', timeout: 10_000 });

    // The table refreshes and shows the new assignment in force today.
    const badges = leaderRow.getByTestId('assignment-fields-badge');
    await expectCount(badges.filter({ hasText: added }), 1);
    await expectCount(badges, before.length + 1);
    await expectText(leaderRow.getByTestId('assignment-valid-from'), vnDate(today));

    // The day before, the previous assignment was still in force.
    await page.getByTestId('assignments-date').fill(addDays(today, -1));
    await expectCount(badges, before.length);
    await expectCount(badges.filter({ hasText: added }), 0);

    // History lists both, newest first.
    await leaderRow.getByRole('button', { name: 'Lịch sử' }).click();
    const history = page.getByTestId('assignment-history-row');
    await expectAtLeast(history, 2);
    await expectText(history.first(), vnDate(today));
    await expectText(history.first(), added);
  },
);
