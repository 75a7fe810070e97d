import type { Action, Condition, DeadlineUnit, Policy, Rule } from '../../api/types';

/** What the "Thêm quy tắc" form collects for a common rule. */
export interface RuleDraft {
  id: string;
  name: string;
  senderLevel: string[];
  field: string[];
  requestKind: string[];
  textHas: string[];
  hasAdvice: 'any' | 'yes' | 'no';
  flow: string | null;
  /** '' none, 'by_field', 'competent' or a unit code. */
  leadAgency: string;
  /** '' none. */
  deadlineAmount: number | '';
  deadlineUnit: DeadlineUnit;
  flag: string;
  stop: boolean;
  /** Index the rule is inserted at (0 = top). */
  position: number;
}

export const EMPTY_RULE: RuleDraft = {
  id: '',
  name: '',
  senderLevel: [],
  field: [],
  requestKind: [],
  textHas: [],
  hasAdvice: 'any',
  flow: null,
  leadAgency: '',
  deadlineAmount: '',
  deadlineUnit: 'working_days',
  flag: '',
  stop: false,
  position: 0,
};

export const RULE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export type RuleDraftErrors = Partial<Record<'id' | 'name' | 'actions' | 'deadlineAmount', string>>;

export function validateRuleDraft(
  d: RuleDraft,
  existingIds: readonly string[],
  msg: {
    idInvalid: string;
    idTaken: (id: string) => string;
    nameRequired: string;
    actionRequired: string;
    deadline: string;
  },
): RuleDraftErrors {
  const e: RuleDraftErrors = {};
  const id = d.id.trim();
  if (!RULE_ID.test(id)) e.id = msg.idInvalid;
  else if (existingIds.includes(id)) e.id = msg.idTaken(id);
  if (!d.name.trim()) e.name = msg.nameRequired;
  if (d.deadlineAmount !== '' && (d.deadlineAmount < 0 || d.deadlineAmount > 365)) e.deadlineAmount = msg.deadline;
  if (!buildActions(d).length) e.actions = msg.actionRequired;
  return e;
}

function buildCondition(d: RuleDraft): Condition {
  const parts: Condition[] = [];
  if (d.senderLevel.length) parts.push({ senderLevel: d.senderLevel });
  if (d.field.length) parts.push({ field: d.field });
  if (d.requestKind.length) parts.push({ requestKind: d.requestKind });
  const phrases = d.textHas.map((x) => x.trim()).filter(Boolean);
  if (phrases.length) parts.push({ textHas: phrases });
  if (d.hasAdvice !== 'any') parts.push({ hasAdvice: d.hasAdvice === 'yes' });
  if (parts.length === 0) return { always: true };
  if (parts.length === 1) return parts[0]!;
  return { all: parts };
}

function buildActions(d: RuleDraft): Action[] {
  const out: Action[] = [];
  if (d.flow) out.push({ setFlow: d.flow });
  if (d.leadAgency) out.push({ setLeadAgency: d.leadAgency });
  if (d.deadlineAmount !== '') out.push({ setDeadline: { amount: d.deadlineAmount, unit: d.deadlineUnit } });
  const flag = d.flag.trim();
  if (flag) out.push({ addFlag: flag });
  return out;
}

/** The policy rule for the form's values. */
export function buildRule(d: RuleDraft): Rule {
  const rule: Rule = { id: d.id.trim(), name: d.name.trim(), when: buildCondition(d), then: buildActions(d) };
  if (d.stop) rule.stop = true;
  return rule;
}

/** A copy of the policy with `rule` at `position` (clamped to the list). */
export function insertRule(policy: Policy, rule: Rule, position: number): Policy {
  const rules = [...policy.rules];
  const at = Math.max(0, Math.min(rules.length, Math.trunc(position)));
  rules.splice(at, 0, rule);
  return { ...policy, rules };
}

export type ParsedPolicy = { ok: true; policy: Policy } | { ok: false; error: 'syntax' | 'shape'; message: string };

/** Reads the editor's JSON; the server checks the rules themselves. */
export function parsePolicy(text: string): ParsedPolicy {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: 'syntax', message: e instanceof Error ? e.message : String(e) };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value) || !Array.isArray((value as Policy).rules)) {
    return { ok: false, error: 'shape', message: '' };
  }
  const p = value as Policy;
  return { ok: true, policy: { ...p, keywords: p.keywords ?? {} } };
}

const RULE_KEYS = ['id', 'name', 'enabled', 'when', 'then', 'stop'];

/** Keys in reading order (the server stores JSONB, which sorts them): id, name, when, then, stop. */
export function canonicalPolicy(p: Policy): Policy {
  const rule = (r: Rule): Rule => {
    if (!r || typeof r !== 'object') return r;
    const keys = [
      ...RULE_KEYS.filter((k) => k in r),
      ...Object.keys(r)
        .filter((k) => !RULE_KEYS.includes(k))
        .sort(),
    ];
    return Object.fromEntries(keys.map((k) => [k, (r as unknown as Record<string, unknown>)[k]])) as unknown as Rule;
  };
  const { rules, keywords, ...rest } = p;
  return { rules: Array.isArray(rules) ? rules.map(rule) : rules, keywords: keywords ?? {}, ...rest };
}

export const policyText = (p: Policy | null | undefined): string =>
  JSON.stringify(canonicalPolicy(p ?? { rules: [], keywords: {} }), null, 2);

/** Same policy whatever the formatting of the text. */
export function samePolicy(text: string, p: Policy | null | undefined): boolean {
  const parsed = parsePolicy(text);
  return parsed.ok && !!p && JSON.stringify(canonicalPolicy(parsed.policy)) === JSON.stringify(canonicalPolicy(p));
}
