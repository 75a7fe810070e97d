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

/** The stored form as JSON.stringify writes it: what encodeRoute must write, byte for byte. */
const reference = (r: Route) =>
  JSON.stringify({
    flow: r.flow,
    leader: r.leader,
    department: r.department,
    leadAgency: r.leadAgency,
    coAgencies: r.coAgencies,
    deadline: r.deadline,
    flags: r.flags.map((f) => [f.code, ...(f.args ?? [])]),
    reasons: r.reasons.map((x) => (x.key ? [x.rule, x.key, ...(x.args ?? [])] : { rule: x.rule, text: x.text ?? '' })),
    guidance: r.guidance,
  });

describe('stored route form', () => {
  it('is written exactly as JSON.stringify writes it, on generated routes', () => {
    // Strings JSON must escape, non-BMP characters, lone surrogates, numbers JSON writes oddly.
    const texts = ['', 'Sở "Tài chính"', 'a\\b', 'dòng\nmới\t', '\u0000\u001f', '😀 Lý Sơn', '\ud800', 'Đỗ Văn Hải'];
    const nums = [0, -1, 1.5, 1e21, Number.NaN, Infinity];
    let seed = 7;
    const pick = <T>(xs: readonly T[]): T => xs[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % xs.length]!;
    const refTo = (): { id: string; name: string } => ({ id: pick(texts), name: pick(texts) });
    // The same objects again, as the organisation snapshot hands them out, and fresh ones.
    const known = [refTo(), refTo(), { id: 'x', name: 'y', code: 'Z' } as { id: string; name: string }];
    for (let n = 0; n < 500; n++) {
      const arg = () => (n % 3 ? pick(texts) : pick(nums));
      const r: Route = {
        flow: pick(['SUBMIT_TO_LEADER', 'RETURN_TO_SENDER', 'FOR_INFORMATION']) as Route['flow'],
        leader: pick([null, refTo(), ...known]),
        department: pick([null, ...known]),
        leadAgency: pick([null, refTo()]),
        coAgencies: n % 4 ? [] : [pick(known), refTo()],
        deadline: pick([null, '2026-12-07', pick(texts)]),
        flags: Array.from({ length: n % 3 }, () => ({
          code: pick(texts),
          message: 'm',
          ...(n % 2 ? { args: [arg(), arg()] } : {}),
        })),
        reasons: Array.from({ length: n % 5 }, (_, i) =>
          i === 3
            ? { rule: pick(texts), text: pick(texts) }
            : { rule: pick(texts), key: 'setFlow' as const, args: [arg()] },
        ),
        guidance: pick([null, pick(texts)]),
      };
      expect(encodeRoute(r)).toBe(reference(r));
    }
  });

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
