import { describe, expect, it } from 'vitest';
import type { Route } from './engine.js';
import { decodeRoute, encodeRoute } from './route-codec.js';
import { flagMessage } from './reasons.js';

const route: Route = {
  flow: 'SEND_TO_AGENCY_FOR_ADVICE',
  leader: { id: 'l1', name: 'Đỗ Văn Hải' },
  department: { id: 'd1', name: 'Phòng Kinh tế ngành' },
  leadAgency: { id: 'a1', name: 'Sở Nông nghiệp và Môi trường' },
  coAgencies: [{ id: 'a2', name: 'Sở Tài chính' }],
  deadline: '2026-12-07',
  flags: [
    { code: 'COMMUNE_NO_ADVICE', message: flagMessage('COMMUNE_NO_ADVICE') },
    { code: 'FIELD_SUGGESTED', message: flagMessage('FIELD_SUGGESTED', ['Đất đai', 91]), args: ['Đất đai', 91] },
    { code: 'DUPLICATE', message: flagMessage('DUPLICATE', ['']), args: [''] },
  ],
  reasons: [
    { rule: 'xa-trinh-tu', key: 'setFlow', args: ['SEND_TO_AGENCY_FOR_ADVICE'] },
    { rule: 'xa-trinh-tu', key: 'addCoAgencies' },
    { rule: 'default', key: 'defaultLeader', args: ['2026-11-26', 'Đỗ Văn Hải'] },
    { rule: 'old', text: 'Lý do ghi bằng lời (dạng lưu cũ).' },
  ],
  guidance: null,
};

describe('stored route form', () => {
  it('reads back the route it wrote, messages rendered with the values of the day', () => {
    const back = decodeRoute(JSON.parse(encodeRoute(route)));
    expect(back).toEqual(route);
    expect(back.flags[1]!.message).toBe('Lĩnh vực gợi ý: Đất đai (độ tin cậy 91%) — cần người xác nhận.');
    expect(back.flags[2]!.message).toBe('Có thể trùng với văn bản đến số .');
  });

  it('stores flags and reasons as lists, without their texts', () => {
    const stored = JSON.parse(encodeRoute(route));
    expect(stored.flags[0]).toEqual(['COMMUNE_NO_ADVICE']);
    expect(stored.flags[1]).toEqual(['FIELD_SUGGESTED', 'Đất đai', 91]);
    expect(stored.reasons[0]).toEqual(['xa-trinh-tu', 'setFlow', 'SEND_TO_AGENCY_FOR_ADVICE']);
    expect(JSON.stringify(stored)).not.toContain('độ tin cậy');
    // the parts SQL reads keep their keys
    expect(stored.deadline).toBe('2026-12-07');
    expect(stored.leader).toEqual({ id: 'l1', name: 'Đỗ Văn Hải' });
    const asObjects = JSON.stringify(route);
    expect(encodeRoute(route).length).toBeLessThan(asObjects.length * 0.8);
  });

  it('reads routes stored before, with flags and reasons as objects, as they are', () => {
    const earlier = JSON.parse(JSON.stringify(route));
    expect(decodeRoute(earlier)).toEqual(route);
  });
});
