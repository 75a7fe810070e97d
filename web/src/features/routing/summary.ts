import type { Action, Condition } from '../../api/types';
import type vi from '../../i18n/vi';

export type SummaryKey = keyof typeof vi.summary;

/** Words and labels the summaries are written with (the interface language's). */
export interface SummaryVocab {
  phrase: (key: SummaryKey, vars?: Record<string, string | number>) => string;
  flow: (code: string) => string;
  senderLevel: (code: string) => string;
  requestKind: (code: string) => string;
  competence: (code: string) => string;
  field: (code: string) => string;
  flag: (code: string) => string;
  unit: (code: string) => string;
  urgency: (n: number) => string;
  secrecy: (n: number) => string;
}

const capitalise = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

function list(values: unknown, label: (x: string) => string, v: SummaryVocab): string {
  if (!Array.isArray(values)) return '';
  return values.map((x) => label(String(x))).join(v.phrase('orList'));
}

function inner(c: Condition | null | undefined, v: SummaryVocab, nested: boolean): string {
  if (!c || typeof c !== 'object') return v.phrase('unknownCondition');
  if ('always' in c) return v.phrase('always').toLowerCase();
  if ('all' in c) {
    const s = c.all.map((x) => inner(x, v, true)).join(v.phrase('and'));
    return nested && c.all.length > 1 ? `(${s})` : s;
  }
  if ('any' in c) {
    const s = c.any.map((x) => inner(x, v, true)).join(v.phrase('or'));
    return nested && c.any.length > 1 ? `(${s})` : s;
  }
  if ('not' in c) return v.phrase('not', { x: inner(c.not, v, false) });
  if ('senderLevel' in c) return v.phrase('senderLevel', { list: list(c.senderLevel, v.senderLevel, v) });
  if ('senderUnit' in c) return v.phrase('senderUnit', { list: list(c.senderUnit, v.unit, v) });
  if ('senderArea' in c) return v.phrase('senderArea', { list: list(c.senderArea, (x) => x, v) });
  if ('type' in c) return v.phrase('type', { list: list(c.type, (x) => x, v) });
  if ('field' in c) return v.phrase('field', { list: list(c.field, v.field, v) });
  if ('urgencyAtLeast' in c) return v.phrase('urgencyAtLeast', { level: v.urgency(c.urgencyAtLeast) });
  if ('secrecyAtLeast' in c) return v.phrase('secrecyAtLeast', { level: v.secrecy(c.secrecyAtLeast) });
  if ('textHas' in c) return v.phrase('textHas', { list: list(c.textHas, (x) => `«${x}»`, v) });
  if ('requestKind' in c)
    return v.phrase('requestKind', { list: list(c.requestKind, (x) => v.requestKind(x).toLowerCase(), v) });
  if ('hasAdvice' in c) return v.phrase(c.hasAdvice ? 'hasAdviceTrue' : 'hasAdviceFalse');
  if ('isResponse' in c) return v.phrase(c.isResponse ? 'isResponseTrue' : 'isResponseFalse');
  if ('competence' in c) return v.phrase('competence', { list: list(c.competence, v.competence, v) });
  return v.phrase('unknownCondition');
}

/** "Cơ quan gửi là UBND cấp xã và chưa có ý kiến tham mưu" for a rule's `when`. */
export function describeCondition(c: Condition | null | undefined, v: SummaryVocab): string {
  return capitalise(inner(c, v, false));
}

/** One line per action: "Luồng: Trình lãnh đạo UBND tỉnh", "Hạn: 7 ngày làm việc". */
export function describeAction(a: Action | null | undefined, v: SummaryVocab): string {
  if (!a || typeof a !== 'object') return v.phrase('unknownAction');
  if ('setFlow' in a) return v.phrase('setFlow', { v: v.flow(a.setFlow) });
  if ('setLeader' in a) {
    const who =
      a.setLeader === 'by_field'
        ? v.phrase('leaderByField')
        : a.setLeader === 'by_area'
          ? v.phrase('leaderByArea')
          : a.setLeader === 'chairman'
            ? v.phrase('leaderChairman')
            : a.setLeader;
    return v.phrase('setLeader', { v: who });
  }
  if ('setDepartment' in a)
    return v.phrase('setDepartment', {
      v: a.setDepartment === 'by_field' ? v.phrase('byField') : v.unit(a.setDepartment),
    });
  if ('setLeadAgency' in a) {
    const g =
      a.setLeadAgency === 'by_field'
        ? v.phrase('byField')
        : a.setLeadAgency === 'competent'
          ? v.phrase('competent')
          : v.unit(a.setLeadAgency);
    return v.phrase('setLeadAgency', { v: g });
  }
  if ('addCoAgencies' in a)
    return v.phrase('addCoAgencies', { v: (a.addCoAgencies ?? []).map((x) => v.unit(x)).join(', ') });
  if ('setDeadline' in a) {
    const d = a.setDeadline ?? { amount: 0, unit: 'working_days' };
    return v.phrase('setDeadline', {
      amount: d.amount,
      unit: v.phrase(d.unit === 'calendar_days' ? 'calendarDays' : 'workingDays'),
    });
  }
  if ('addFlag' in a) {
    const label = v.flag(a.addFlag);
    return v.phrase('addFlag', { v: label === a.addFlag ? a.addFlag : `${label} (${a.addFlag})` });
  }
  if ('setGuidance' in a) return v.phrase('setGuidance', { v: a.setGuidance });
  return v.phrase('unknownAction');
}

export function describeActions(actions: readonly Action[] | null | undefined, v: SummaryVocab): string[] {
  return Array.isArray(actions) ? actions.map((a) => describeAction(a, v)) : [];
}
