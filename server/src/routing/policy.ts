/**
 * The routing policy as data (domain.md §4): ordered rules, each with a condition and actions.
 * An administrator edits a draft; it is validated here, dry-run, then published as a version.
 */

import type { SigningRule } from './outgoing-route.js';

export const FLOWS = [
  'SUBMIT_TO_LEADER',
  'SEND_TO_AGENCY_FOR_ADVICE',
  'HANDLE_IN_OFFICE',
  'FOR_INFORMATION',
  'RETURN_TO_SENDER',
] as const;
export type Flow = (typeof FLOWS)[number];

export const SENDER_LEVELS = ['commune', 'agency', 'province', 'central', 'business', 'citizen', 'other'] as const;
export type SenderLevel = (typeof SENDER_LEVELS)[number];

/** Kinds of request read from the type and wording (đề nghị, xin ý kiến, xin chủ trương, báo cáo, mời họp, để biết). */
export const REQUEST_KINDS = [
  'de_nghi',
  'xin_y_kien',
  'xin_chu_truong',
  'bao_cao',
  'moi_hop',
  'de_biet',
  'khac',
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const COMPETENCE_LEVELS = ['commune', 'agency', 'ppc', 'chairman'] as const;
export type CompetenceLevel = (typeof COMPETENCE_LEVELS)[number];

export type Condition =
  | { always: true }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { senderLevel: SenderLevel[] }
  | { senderUnit: string[] }
  | { senderArea: string[] }
  | { type: string[] }
  | { field: string[] }
  | { urgencyAtLeast: number }
  | { secrecyAtLeast: number }
  | { textHas: string[] }
  | { requestKind: RequestKind[] }
  | { hasAdvice: boolean }
  | { isResponse: boolean }
  | { competence: CompetenceLevel[] };

export type Action =
  | { setFlow: Flow }
  | { setLeader: 'by_field' | 'by_area' | 'chairman' }
  | { setDepartment: 'by_field' | string }
  | { setLeadAgency: 'by_field' | 'competent' | string }
  | { addCoAgencies: string[] }
  | { setDeadline: { amount: number; unit: 'working_days' | 'calendar_days' } }
  | { addFlag: string }
  | { setGuidance: string };

export interface Rule {
  id: string;
  name: string;
  enabled?: boolean;
  when: Condition;
  then: Action[];
  /** Stop evaluating later rules once this one matched. */
  stop?: boolean;
}

export interface Policy {
  rules: Rule[];
  /** Who signs outgoing documents, by type and field (outgoing-route.ts). */
  signing?: SigningRule[];
  /** Field keywords: the classifier's cold start and the `field` fallback. */
  keywords: Record<string, string[]>;
}

export interface PolicyRefs {
  fields: ReadonlySet<string>;
  units: ReadonlySet<string>;
  areas: ReadonlySet<string>;
  types: ReadonlySet<string>;
}

export interface PolicyProblem {
  ruleId: string | null;
  path: string;
  code: string;
  message: string;
}

const CONDITION_KEYS = new Set([
  'always',
  'all',
  'any',
  'not',
  'senderLevel',
  'senderUnit',
  'senderArea',
  'type',
  'field',
  'urgencyAtLeast',
  'secrecyAtLeast',
  'textHas',
  'requestKind',
  'hasAdvice',
  'isResponse',
  'competence',
]);
const ACTION_KEYS = new Set([
  'setFlow',
  'setLeader',
  'setDepartment',
  'setLeadAgency',
  'addCoAgencies',
  'setDeadline',
  'addFlag',
  'setGuidance',
]);

/**
 * Checks a policy against the organisation it will run in. Returns every problem, each naming
 * its rule, so an administrator fixes them all at once; an empty list means it may be saved.
 */
export function validatePolicy(p: Policy, refs: PolicyRefs): PolicyProblem[] {
  const out: PolicyProblem[] = [];
  const bad = (ruleId: string | null, path: string, code: string, message: string) =>
    out.push({ ruleId, path, code, message });
  if (!Array.isArray(p?.rules)) {
    bad(null, 'rules', 'POLICY_SHAPE', 'Chính sách phải có danh sách quy tắc (rules).');
    return out;
  }
  const ids = new Set<string>();
  p.rules.forEach((r, i) => {
    const at = `rules.${i}`;
    const id = typeof r?.id === 'string' && r.id.trim() ? r.id : null;
    if (!id) bad(null, `${at}.id`, 'RULE_ID_MISSING', `Quy tắc thứ ${i + 1} thiếu mã (id).`);
    else if (ids.has(id)) bad(id, `${at}.id`, 'RULE_ID_DUPLICATE', `Mã quy tắc «${id}» bị trùng.`);
    else ids.add(id);
    if (typeof r?.name !== 'string' || !r.name.trim())
      bad(id, `${at}.name`, 'RULE_NAME_MISSING', `Quy tắc «${id ?? i + 1}» thiếu tên.`);
    checkCondition(r?.when, `${at}.when`, id, refs, bad);
    if (!Array.isArray(r?.then) || r.then.length === 0) {
      bad(id, `${at}.then`, 'RULE_NO_ACTION', `Quy tắc «${id ?? i + 1}» không có hành động nào.`);
      return;
    }
    const seen = new Map<string, string>();
    r.then.forEach((a, j) => {
      const keys = a && typeof a === 'object' ? Object.keys(a) : [];
      const key = keys[0];
      const ap = `${at}.then.${j}`;
      if (keys.length !== 1 || !key || !ACTION_KEYS.has(key)) {
        bad(
          id,
          ap,
          'ACTION_UNKNOWN',
          `Quy tắc «${id ?? i + 1}»: hành động không hợp lệ (${keys.join(', ') || 'rỗng'}).`,
        );
        return;
      }
      const v = (a as Record<string, unknown>)[key];
      // Two actions setting the same part to different values contradict each other.
      if (key.startsWith('set')) {
        const prev = seen.get(key);
        const cur = JSON.stringify(v);
        if (prev !== undefined && prev !== cur) {
          bad(
            id,
            ap,
            'ACTIONS_CONTRADICT',
            `Quy tắc «${id ?? i + 1}»: hai hành động ${key} mâu thuẫn (${prev} và ${cur}).`,
          );
        }
        seen.set(key, cur);
      }
      checkAction(key, v, ap, id, refs, bad);
    });
  });
  (p.signing ?? []).forEach((sr, i) => {
    const at = `signing.${i}`;
    if (!sr?.id) bad(null, `${at}.id`, 'RULE_ID_MISSING', `Quy tắc ký thứ ${i + 1} thiếu mã (id).`);
    if (!['chairman', 'vice_chairman_by_field', 'office_chief'].includes(sr?.signer)) {
      bad(sr?.id ?? null, `${at}.signer`, 'ACTION_VALUE', `Quy tắc ký «${sr?.id ?? i + 1}»: người ký không hợp lệ.`);
    }
    if (!['', 'TM.', 'KT.', 'TL.'].includes(sr?.form)) {
      bad(sr?.id ?? null, `${at}.form`, 'ACTION_VALUE', `Quy tắc ký «${sr?.id ?? i + 1}»: thẩm quyền ký không hợp lệ.`);
    }
    for (const t of sr?.types ?? [])
      if (!refs.types.has(t))
        bad(sr?.id ?? null, `${at}.types`, 'TYPE_UNKNOWN', `Quy tắc ký «${sr.id}»: loại văn bản không tồn tại «${t}».`);
  });
  for (const [field, words] of Object.entries(p.keywords ?? {})) {
    if (!refs.fields.has(field))
      bad(null, `keywords.${field}`, 'FIELD_UNKNOWN', `Từ khóa gắn với lĩnh vực không tồn tại «${field}».`);
    if (!Array.isArray(words) || words.some((w) => typeof w !== 'string' || !w.trim())) {
      bad(
        null,
        `keywords.${field}`,
        'KEYWORDS_SHAPE',
        `Từ khóa của lĩnh vực «${field}» phải là danh sách chuỗi không rỗng.`,
      );
    }
  }
  return out;
}

type Bad = (ruleId: string | null, path: string, code: string, message: string) => void;

function checkCondition(c: unknown, path: string, id: string | null, refs: PolicyRefs, bad: Bad): void {
  const name = id ?? path;
  if (!c || typeof c !== 'object')
    return bad(id, path, 'CONDITION_SHAPE', `Quy tắc «${name}»: điều kiện không hợp lệ.`);
  const keys = Object.keys(c);
  const key = keys[0];
  if (keys.length !== 1 || !key || !CONDITION_KEYS.has(key)) {
    return bad(
      id,
      path,
      'CONDITION_UNKNOWN',
      `Quy tắc «${name}»: điều kiện không xác định (${keys.join(', ') || 'rỗng'}).`,
    );
  }
  const v = (c as Record<string, unknown>)[key];
  const list = (allowed: ReadonlySet<string> | readonly string[], code: string, what: string) => {
    const set = allowed instanceof Set ? allowed : new Set(allowed as readonly string[]);
    if (!Array.isArray(v) || v.length === 0)
      return bad(id, `${path}.${key}`, 'CONDITION_SHAPE', `Quy tắc «${name}»: ${key} phải là danh sách không rỗng.`);
    for (const x of v)
      if (!set.has(x)) bad(id, `${path}.${key}`, code, `Quy tắc «${name}»: ${what} không tồn tại «${String(x)}».`);
  };
  switch (key) {
    case 'always':
      if (v !== true) bad(id, `${path}.always`, 'CONDITION_SHAPE', `Quy tắc «${name}»: always phải là true.`);
      return;
    case 'all':
    case 'any':
      if (!Array.isArray(v) || v.length === 0)
        return bad(id, `${path}.${key}`, 'CONDITION_SHAPE', `Quy tắc «${name}»: ${key} phải có ít nhất một điều kiện.`);
      return v.forEach((x, i) => checkCondition(x, `${path}.${key}.${i}`, id, refs, bad));
    case 'not':
      return checkCondition(v, `${path}.not`, id, refs, bad);
    case 'senderLevel':
      return list(SENDER_LEVELS, 'SENDER_LEVEL_UNKNOWN', 'cấp cơ quan gửi');
    case 'senderUnit':
      return list(refs.units, 'UNIT_UNKNOWN', 'đơn vị');
    case 'senderArea':
      return list(refs.areas, 'AREA_UNKNOWN', 'địa bàn');
    case 'type':
      return list(refs.types, 'TYPE_UNKNOWN', 'loại văn bản');
    case 'field':
      return list(refs.fields, 'FIELD_UNKNOWN', 'lĩnh vực');
    case 'requestKind':
      return list(REQUEST_KINDS, 'REQUEST_KIND_UNKNOWN', 'loại yêu cầu');
    case 'competence':
      return list(COMPETENCE_LEVELS, 'COMPETENCE_UNKNOWN', 'cấp thẩm quyền');
    case 'textHas':
      if (!Array.isArray(v) || v.length === 0 || v.some((x) => typeof x !== 'string' || !x.trim())) {
        bad(id, `${path}.textHas`, 'CONDITION_SHAPE', `Quy tắc «${name}»: textHas phải là danh sách cụm từ.`);
      }
      return;
    case 'urgencyAtLeast':
    case 'secrecyAtLeast':
      if (typeof v !== 'number' || v < 0 || v > 4)
        bad(id, `${path}.${key}`, 'CONDITION_SHAPE', `Quy tắc «${name}»: ${key} phải là số 0–4.`);
      return;
    case 'hasAdvice':
    case 'isResponse':
      if (typeof v !== 'boolean')
        bad(id, `${path}.${key}`, 'CONDITION_SHAPE', `Quy tắc «${name}»: ${key} phải là true/false.`);
      return;
  }
}

function checkAction(key: string, v: unknown, path: string, id: string | null, refs: PolicyRefs, bad: Bad): void {
  const name = id ?? path;
  switch (key) {
    case 'setFlow':
      if (!FLOWS.includes(v as Flow))
        bad(id, path, 'FLOW_UNKNOWN', `Quy tắc «${name}»: luồng xử lý không tồn tại «${String(v)}».`);
      return;
    case 'setLeader':
      if (!['by_field', 'by_area', 'chairman'].includes(v as string))
        bad(id, path, 'ACTION_VALUE', `Quy tắc «${name}»: setLeader chỉ nhận by_field, by_area, chairman.`);
      return;
    case 'setDepartment':
    case 'setLeadAgency':
      if (typeof v !== 'string' || (!['by_field', 'competent'].includes(v) && !refs.units.has(v))) {
        bad(id, path, 'UNIT_UNKNOWN', `Quy tắc «${name}»: đơn vị không tồn tại «${String(v)}».`);
      }
      return;
    case 'addCoAgencies':
      if (!Array.isArray(v) || v.some((x) => !refs.units.has(x)))
        bad(id, path, 'UNIT_UNKNOWN', `Quy tắc «${name}»: có đơn vị phối hợp không tồn tại.`);
      return;
    case 'setDeadline': {
      const d = v as { amount?: unknown; unit?: unknown };
      if (
        !d ||
        typeof d.amount !== 'number' ||
        d.amount < 0 ||
        d.amount > 365 ||
        !['working_days', 'calendar_days'].includes(d.unit as string)
      ) {
        bad(
          id,
          path,
          'DEADLINE_SHAPE',
          `Quy tắc «${name}»: thời hạn phải có amount (0–365) và unit (working_days | calendar_days).`,
        );
      }
      return;
    }
    case 'addFlag':
    case 'setGuidance':
      if (typeof v !== 'string' || !v.trim()) bad(id, path, 'ACTION_VALUE', `Quy tắc «${name}»: ${key} cần nội dung.`);
      return;
  }
}
