import { describe, expect, it } from 'vitest';
import { renderReasons } from './reasons.js';

const names = new Map([['xa-trinh-tu', 'Kiểm soát văn bản cấp xã — trình tự']]);

describe('route reasons', () => {
  it('renders what a rule did with the name of the rule in the version that routed the document', () => {
    expect(
      renderReasons(
        [
          { rule: 'xa-trinh-tu', key: 'setFlow', args: ['SEND_TO_AGENCY_FOR_ADVICE'] },
          { rule: 'xa-trinh-tu', key: 'setDeadline', args: [7, 'working_days'] },
          { rule: 'xa-trinh-tu', key: 'addFlag', args: ['COMMUNE_NO_ADVICE'] },
        ],
        names,
      ),
    ).toEqual([
      { rule: 'xa-trinh-tu', text: 'Kiểm soát văn bản cấp xã — trình tự: chuyển cơ quan chuyên môn tham mưu trước.' },
      { rule: 'xa-trinh-tu', text: 'Kiểm soát văn bản cấp xã — trình tự: hạn 7 ngày làm việc.' },
      {
        rule: 'xa-trinh-tu',
        text: 'Kiểm soát văn bản cấp xã — trình tự: Đề nghị của UBND cấp xã chưa có ý kiến tham mưu của cơ quan chuyên môn.',
      },
    ]);
  });

  it('shows dates the Vietnamese way and keeps the values of the day', () => {
    expect(
      renderReasons(
        [
          { rule: 'default', key: 'defaultLeader', args: ['2026-01-06', 'Đỗ Văn Hải'] },
          { rule: 'catalogue', key: 'competence', args: ['commune', 'Luật Đất đai 2024, Điều 123'] },
        ],
        names,
      ).map((r) => r.text),
    ).toEqual([
      'Lãnh đạo phụ trách lĩnh vực/địa bàn theo phân công ngày 06/01/2026: Đỗ Văn Hải.',
      'Thẩm quyền: UBND cấp xã (Luật Đất đai 2024, Điều 123).',
    ]);
  });

  it('names a rule by its id when the version does not know it, and shows routes stored as text as they are', () => {
    expect(
      renderReasons(
        [
          { rule: 'da-xoa', key: 'setGuidance' },
          { rule: 'default', text: 'Phòng theo dõi lĩnh vực: Phòng Kinh tế ngành.' },
        ],
        names,
      ),
    ).toEqual([
      { rule: 'da-xoa', text: 'da-xoa: hướng dẫn kèm theo.' },
      { rule: 'default', text: 'Phòng theo dõi lĩnh vực: Phòng Kinh tế ngành.' },
    ]);
  });
});
