import { defineSpec, expect, expectCount, expectText, expectVisible, login } from '../lib/harness.ts';

const MARK = `KT${Date.now()}`;
const NOTICE = `THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại cuộc họp giao ban (kiểm thử e2e ${MARK})

Quảng Ngãi, ngày 20 tháng 11 năm 2026

Chủ tịch UBND tỉnh kết luận như sau:

1. Sở Tài chính chủ trì, phối hợp Sở Xây dựng rà soát, tham mưu điều chuyển vốn đầu tư công ${MARK}; hoàn thành trước ngày 15/01/2027.

2. Giao Sở Xây dựng kiểm tra tiến độ các công trình giao thông trọng điểm ${MARK}, báo cáo UBND tỉnh trước ngày 30/02/2027.

3. Sở Y tế thường xuyên theo dõi tình hình dịch bệnh ${MARK}, báo cáo khi có diễn biến mới.

Nay thông báo để các cơ quan, đơn vị biết, thực hiện./.
`;

export default defineSpec(
  'the Office chief imports a conclusions notice from a .txt file: preview, fix the unreadable deadline, drop a point, confirm',
  async ({ page, baseURL, demoPassword }) => {
    await login(page, baseURL, 'chanhvp', demoPassword);
    await page.getByTestId('nav-task-import').click();
    await expectText(page.getByTestId('page-title'), 'Nhập thông báo kết luận');

    // Nothing to read: the server's Vietnamese message.
    await page.getByTestId('import-preview').click();
    await expectText(page.getByTestId('import-error'), 'chưa có nội dung thông báo kết luận');

    // A .txt file is read in the browser; the date comes from the notice.
    await page.locator('input[type="file"]').setInputFiles({
      name: 'ket-luan-giao-ban.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(NOTICE, 'utf8'),
    });
    await expectText(page.getByTestId('import-file-name'), 'ket-luan-giao-ban.txt');
    expect((await page.getByTestId('import-text').inputValue()).includes(MARK), 'the file text is in the box');
    await page.getByTestId('import-preview').click();

    const rows = page.getByTestId('import-row');
    await expectCount(rows, 3, 15_000);
    expect((await page.getByTestId('import-issued-date').inputValue()) === '20/11/2026', 'issued date read');
    expect((await rows.nth(0).getByTestId('import-row-lead').inputValue()) === 'Sở Tài chính', 'lead of point 1');
    expect((await rows.nth(0).getByTestId('import-row-deadline').inputValue()) === '15/01/2027', 'deadline of 1');

    // Point 2: "trước ngày 30/02/2027" cannot be a date — flagged, to be typed in.
    const second = rows.nth(1);
    expect((await second.getAttribute('data-flags'))?.includes('DEADLINE_UNREADABLE'), 'point 2 is flagged');
    await expectText(second.getByTestId('import-row-flag'), 'Không đọc được thời hạn — cần nhập');
    await second.getByTestId('import-row-deadline').fill('28/02/2027');
    await second.getByTestId('import-row-deadline').press('Tab');
    await expectCount(second.getByTestId('import-row-flag'), 0);

    // Point 3 is recurring; the user decides not to import it.
    expect(await rows.nth(2).getByTestId('import-row-recurring').isChecked(), 'point 3 is recurring');
    await rows.nth(2).getByTestId('import-row-remove').click();
    await expectCount(rows, 2);

    await page.getByTestId('import-confirm').click();
    await expectText(page.getByTestId('import-saved'), 'Đã lưu 2 nhiệm vụ');
    await expectCount(page.getByTestId('import-saved-task'), 2);

    // The task list finds them, with their deadlines and points.
    await page.getByTestId('nav-tasks').click();
    await page.getByTestId('tasks-search').fill(MARK);
    const table = page.getByTestId('tasks-table');
    await expectCount(table.getByTestId('tasks-table-row'), 2, 15_000);
    await expectText(table, '15/01/2027');
    await expectText(table, '28/02/2027');
    await expectText(table, 'Mục 2');
    await page.getByTestId('task-link').filter({ hasText: 'công trình giao thông' }).click();
    await expectVisible(page.getByTestId('task-page'));
    await expectText(page.getByTestId('task-leadUnit'), 'Sở Xây dựng');
    await expectText(page.getByTestId('task-deadline'), '28/02/2027');
    await expectText(page.getByTestId('task-point'), '2');
  },
);
