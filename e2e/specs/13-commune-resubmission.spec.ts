import { defineSpec, expectText, expectVisible, login, registerViaApi, todayHcm } from '../lib/harness.ts';

const RETURN = 'Trả lại, hướng dẫn';

export default defineSpec(
  'a commune sends again a matter that was returned to it: the new document is flagged and links the earlier one',
  async ({ page, baseURL, demoPassword }) => {
    await login(page, baseURL, 'vanthu', demoPassword);
    const today = todayHcm();
    const stamp = Date.now();
    const land = {
      issuer: { unitCode: '21211' }, // UBND xã Tịnh Khê
      notation: 'UBND-KT',
      issuedDate: today,
      type: 'CV',
      fields: ['DAT_DAI'],
    };
    // Within the commune's own competence: returned to it with guidance.
    const first = await registerViaApi(page, baseURL, {
      ...land,
      number: stamp % 100000,
      subject: `V/v đề nghị cấp giấy chứng nhận quyền sử dụng đất cho hộ ông Phạm Văn Tư thôn ${stamp}`,
    });
    const again = await registerViaApi(page, baseURL, {
      ...land,
      number: (stamp % 100000) + 1,
      subject: `V/v đề nghị cấp giấy chứng nhận quyền sử dụng đất cho hộ ông Phạm Văn Tư thôn ${stamp} (lần 2)`,
    });

    await page.goto(`${baseURL}/documents/${again}`);
    const card = page.getByTestId('route-card');
    await expectText(card.getByTestId('route-flow'), RETURN, 15_000);
    await expectVisible(card.locator('[data-testid="route-flag"][data-code="RESUBMISSION"]'));
    const link = card.getByTestId('route-resubmission-of').getByRole('link');
    await expectText(link, /văn bản đến số \d+/);
    await link.click();
    await page.waitForURL(new RegExp(`/documents/${first}$`));
    await expectText(page.getByTestId('meta-subject'), `hộ ông Phạm Văn Tư thôn ${stamp}`);
  },
);
