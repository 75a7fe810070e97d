import { describe, expect, it } from 'vitest';
import type { Route } from './engine.js';
import { decodeRoute, encodeRoute } from './route-codec.js';
import { flagMessage, type Reason } from './reasons.js';

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

/**
 * Which part of the route a reason's last value names, and how many values such a reason has:
 * that value is not stored while it equals the part (route-codec.ts).
 */
const PARTS: Record<string, [number, (r: Route) => string | undefined]> = {
  setFlow: [1, (r) => r.flow],
  defaultFlow: [1, (r) => r.flow],
  setLeader: [1, (r) => r.leader?.name],
  defaultLeader: [2, (r) => r.leader?.name],
  setDepartment: [1, (r) => r.department?.name],
  defaultDepartment: [1, (r) => r.department?.name],
  setLeadAgency: [1, (r) => r.leadAgency?.name],
  defaultAgency: [1, (r) => r.leadAgency?.name],
};

const storedArgs = (r: Route, key: string, args: (string | number)[] = []) => {
  const part = Object.hasOwn(PARTS, key) ? PARTS[key]! : null;
  return part && args.length === part[0] && part[1](r) !== undefined && args.at(-1) === part[1](r)
    ? args.slice(0, -1)
    : args;
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
    reasons: r.reasons.map((x) => {
      if (!x.key) return { rule: x.rule, text: x.text ?? '' };
      // such a reason without its last value is kept as an object, so that none is supplied when read
      if (Object.hasOwn(PARTS, x.key) && (x.args?.length ?? 0) === PARTS[x.key]![0] - 1)
        return { rule: x.rule, key: x.key, args: x.args };
      return [x.rule, x.key, ...storedArgs(r, x.key, x.args)];
    }),
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
        reasons: [],
        guidance: pick([null, pick(texts)]),
      };
      // Reasons of every kind that names a part, their last value the part itself or another.
      const keys = [...Object.keys(PARTS), 'addFlag'] as const;
      r.reasons = Array.from({ length: n % 7 }, (_, i) => {
        if (i === 3) return { rule: pick(texts), text: pick(texts) };
        const key = pick(keys);
        const part = Object.hasOwn(PARTS, key) ? PARTS[key]![1](r) : undefined;
        const last = n % 2 && part !== undefined ? part : arg();
        const args = key === 'defaultLeader' ? [pick(texts), last] : [last];
        return {
          rule: pick(texts),
          key: key as Reason['key'],
          args: n % 11 === 5 && Object.hasOwn(PARTS, key) && PARTS[key]![0] === 1 ? [] : args,
        };
      });
      const json = encodeRoute(r);
      expect(json).toBe(reference(r));
      // and read back as it was: the values left out come back from the parts
      expect(decodeRoute(JSON.parse(json) as Parameters<typeof decodeRoute>[0]).reasons).toEqual(
        JSON.parse(JSON.stringify(r.reasons)),
      );
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
    // a value that is the route's own part is not stored twice
    expect(stored.reasons[0]).toEqual(['xa-trinh-tu', 'setFlow']);
    expect(stored.reasons[2]).toEqual(['default', 'defaultLeader', '2026-11-26']);
    expect(JSON.stringify(stored)).not.toContain('độ tin cậy');
    // the parts SQL reads keep their keys
    expect(stored.deadline).toBe('2026-12-07');
    expect(stored.leader).toEqual({ id: 'l1', name: 'Đỗ Văn Hải' });
    const asObjects = JSON.stringify(route);
    expect(encodeRoute(route).length).toBeLessThan(asObjects.length * 0.8);
  });

  it('keeps the values of the day in the reasons when an override changes the parts', () => {
    const read = decodeRoute(JSON.parse(encodeRoute(route)));
    const overridden: Route = {
      ...read,
      flow: 'SUBMIT_TO_LEADER',
      leader: { id: 'l2', name: 'Trần Quốc Bảo' },
      reasons: [...read.reasons, { rule: 'override', key: 'override', args: ['Văn thư', 'Chuyển thẳng'] }],
    };
    const back = decodeRoute(JSON.parse(encodeRoute(overridden)));
    expect(back.reasons[0]).toEqual({ rule: 'xa-trinh-tu', key: 'setFlow', args: ['SEND_TO_AGENCY_FOR_ADVICE'] });
    expect(back.reasons[2]).toEqual({ rule: 'default', key: 'defaultLeader', args: ['2026-11-26', 'Đỗ Văn Hải'] });
    expect(back).toEqual(overridden);
  });

  it('reads routes stored before, with flags and reasons as objects, as they are', () => {
    const earlier = JSON.parse(JSON.stringify(route));
    expect(decodeRoute(earlier)).toEqual(route);
  });
});
