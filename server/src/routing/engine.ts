import { foldVietnamese } from '../platform/text.js';
import type { Facts } from './facts.js';
import type { Action, Condition, Flow, Policy, Rule } from './policy.js';
import { flagMessage, type Reason } from './reasons.js';

export interface Ref {
  id: string;
  name: string;
}

/** The organisation as the engine sees it on the document's date; built once, read many times. */
export interface OrgSnapshot {
  chairman: Ref | null;
  /** Field code → leader in charge on the date. */
  leaderByField: ReadonlyMap<string, Ref>;
  /** Area code → leader in charge on the date. */
  leaderByArea: ReadonlyMap<string, Ref>;
  /** Field code → the Office department that follows it. */
  departmentByField: ReadonlyMap<string, Ref>;
  /** Field code → the agency in charge of it. */
  agencyByField: ReadonlyMap<string, Ref>;
  /** Unit code → unit. */
  unitByCode: ReadonlyMap<string, Ref>;
  /** Unit id → what routing needs to know of a sender. */
  unitById?: ReadonlyMap<string, { code: string; level: string; areaCode: string | null }>;
}

export interface DeadlineRule {
  amount: number;
  unit: 'working_days' | 'calendar_days';
}

/** A fact found outside the policy: a flag (with the values its message shows), and the reason it is raised. */
export interface ExtraFlag {
  code: string;
  args?: (string | number)[];
  reason: Omit<Reason, 'rule'>;
}

/** A flag on a route; `args` are the values its message was rendered with (reasons.ts flagMessage). */
export interface RouteFlag {
  code: string;
  message: string;
  args?: (string | number)[];
}

export interface RouteContext {
  org: OrgSnapshot;
  /** The date the deadline counts from (arrival date) and a way to count it. */
  from: string;
  addDeadline: (from: string, rule: DeadlineRule) => string;
  requestedDeadline?: string | null;
  /** Facts found outside the policy, each becoming a flag with its reason. */
  extraFlags?: ExtraFlag[];
}

export interface Route {
  flow: Flow;
  leader: Ref | null;
  department: Ref | null;
  leadAgency: Ref | null;
  coAgencies: Ref[];
  deadline: string | null;
  flags: RouteFlag[];
  /** Stored as they are and rendered when shown (reasons.ts). */
  reasons: Reason[];
  guidance: string | null;
}

/** Evaluates a condition directly (tests, tools); route() uses the compiled form. */
export function matches(c: Condition, f: Facts): boolean {
  return compileCondition(c)(f);
}

type Test = (f: Facts) => boolean;

/**
 * Turns a condition into a closure once: lists become sets, phrases are folded, and the
 * evaluation of a decision walks plain functions instead of inspecting objects.
 */
export function compileCondition(c: Condition): Test {
  if ('always' in c) return () => true;
  if ('all' in c) {
    const ts = c.all.map(compileCondition);
    return (f) => {
      for (const t of ts) if (!t(f)) return false;
      return true;
    };
  }
  if ('any' in c) {
    const ts = c.any.map(compileCondition);
    return (f) => {
      for (const t of ts) if (t(f)) return true;
      return false;
    };
  }
  if ('not' in c) {
    const t = compileCondition(c.not);
    return (f) => !t(f);
  }
  if ('senderLevel' in c) {
    const s = new Set<string>(c.senderLevel);
    return (f) => s.has(f.senderLevel);
  }
  if ('senderUnit' in c) {
    const s = new Set(c.senderUnit);
    return (f) => f.senderUnitCode !== null && s.has(f.senderUnitCode);
  }
  if ('senderArea' in c) {
    const s = new Set(c.senderArea);
    return (f) => f.senderArea !== null && s.has(f.senderArea);
  }
  if ('type' in c) {
    const s = new Set(c.type);
    return (f) => s.has(f.type);
  }
  if ('field' in c) {
    const s = new Set(c.field);
    return (f) => {
      for (const x of f.fields) if (s.has(x)) return true;
      return false;
    };
  }
  if ('urgencyAtLeast' in c) {
    const n = c.urgencyAtLeast;
    return (f) => f.urgency >= n;
  }
  if ('secrecyAtLeast' in c) {
    const n = c.secrecyAtLeast;
    return (f) => f.secrecy >= n;
  }
  if ('textHas' in c) {
    const phrases = c.textHas.map(foldVietnamese);
    return (f) => {
      for (const p of phrases) if (f.folded.includes(p)) return true;
      return false;
    };
  }
  if ('requestKind' in c) {
    const s = new Set<string>(c.requestKind);
    return (f) => s.has(f.requestKind);
  }
  if ('hasAdvice' in c) {
    const v = c.hasAdvice;
    return (f) => f.hasAdvice === v;
  }
  if ('isResponse' in c) {
    const v = c.isResponse;
    return (f) => f.isResponse === v;
  }
  if ('competence' in c) {
    const s = new Set<string>(c.competence);
    return (f) => f.competence !== null && s.has(f.competence.level);
  }
  return () => false;
}

export interface CompiledRule extends Rule {
  test: Test;
  /** For each action, the part of the route it sets (the first rule to set a part wins it), or null when it accumulates. */
  parts: (string | null)[];
}

const SET_PARTS = ['setFlow', 'setLeader', 'setDepartment', 'setLeadAgency', 'setDeadline', 'setGuidance'] as const;

/** The part of the route an action sets; null for one that accumulates (flags, co-operating agencies). */
function partOf(a: Action): string | null {
  return SET_PARTS.find((p) => p in a) ?? null;
}

export interface CompiledPolicy extends Policy {
  rules: CompiledRule[];
  /** Rule id → name, to render the reasons of the routes it produces (reasons.ts). */
  ruleNames: ReadonlyMap<string, string>;
}

/** The enabled rules with their conditions compiled (compileCondition), ready for route(). */
export function compilePolicy(p: Policy): CompiledPolicy {
  return {
    ...p,
    rules: p.rules
      .filter((r) => r.enabled !== false)
      .map((r) => ({ ...r, test: compileCondition(r.when), parts: r.then.map(partOf) })),
    ruleNames: new Map(p.rules.map((r) => [r.id, r.name])),
  };
}

/** The first field's entry in a by-field map. */
function byField(f: Facts, m: ReadonlyMap<string, Ref>): Ref | null {
  for (const x of f.fields) {
    const r = m.get(x);
    if (r) return r;
  }
  return null;
}

/** The agency that advises on the matter: the catalogue's, else the field's. */
function competentAgency(f: Facts, org: OrgSnapshot): Ref | null {
  return (
    (f.competence?.adviceAgency ? org.unitByCode.get(f.competence.adviceAgency) : undefined) ??
    byField(f, org.agencyByField)
  );
}

function areaLeader(f: Facts, org: OrgSnapshot): Ref | null {
  return f.senderArea ? (org.leaderByArea.get(f.senderArea) ?? null) : null;
}

/** Raises a flag once; values given later (a fact's) replace the message of one a rule raised. */
function addFlag(r: Route, code: string, args?: (string | number)[]): void {
  const f = r.flags.find((x) => x.code === code);
  if (!f)
    r.flags.push(
      args?.length ? { code, message: flagMessage(code, args), args } : { code, message: flagMessage(code) },
    );
  else if (args?.length) {
    f.message = flagMessage(code, args);
    f.args = args;
  }
}

/** Applies one action of a rule; false when it found nothing to set (no leader, unit or agency for it). */
function apply(r: Route, rule: Rule, a: Action, f: Facts, ctx: RouteContext): boolean {
  const org = ctx.org;
  if ('setFlow' in a) {
    r.flow = a.setFlow;
    r.reasons.push({ rule: rule.id, key: 'setFlow', args: [a.setFlow] });
    return true;
  }
  if ('setLeader' in a) {
    const leader =
      a.setLeader === 'chairman'
        ? org.chairman
        : a.setLeader === 'by_area'
          ? (areaLeader(f, org) ?? byField(f, org.leaderByField))
          : (byField(f, org.leaderByField) ?? areaLeader(f, org));
    if (!leader) return false;
    r.leader = leader;
    r.reasons.push({ rule: rule.id, key: 'setLeader', args: [leader.name] });
    return true;
  }
  if ('setDepartment' in a) {
    const d =
      a.setDepartment === 'by_field'
        ? byField(f, org.departmentByField)
        : (org.unitByCode.get(a.setDepartment) ?? null);
    if (!d) return false;
    r.department = d;
    r.reasons.push({ rule: rule.id, key: 'setDepartment', args: [d.name] });
    return true;
  }
  if ('setLeadAgency' in a) {
    const g =
      a.setLeadAgency === 'by_field'
        ? byField(f, org.agencyByField)
        : a.setLeadAgency === 'competent'
          ? competentAgency(f, org)
          : (org.unitByCode.get(a.setLeadAgency) ?? null);
    if (!g) return false;
    r.leadAgency = g;
    r.reasons.push({ rule: rule.id, key: 'setLeadAgency', args: [g.name] });
    return true;
  }
  if ('addCoAgencies' in a) {
    for (const code of a.addCoAgencies) {
      const g = org.unitByCode.get(code);
      if (g && !r.coAgencies.some((x) => x.id === g.id)) r.coAgencies.push(g);
    }
    r.reasons.push({ rule: rule.id, key: 'addCoAgencies' });
    return true;
  }
  if ('setDeadline' in a) {
    r.deadline = ctx.addDeadline(ctx.from, a.setDeadline);
    r.reasons.push({ rule: rule.id, key: 'setDeadline', args: [a.setDeadline.amount, a.setDeadline.unit] });
    return true;
  }
  if ('addFlag' in a) {
    addFlag(r, a.addFlag);
    r.reasons.push({ rule: rule.id, key: 'addFlag', args: [a.addFlag] });
    return true;
  }
  if ('setGuidance' in a) {
    r.guidance = a.setGuidance;
    r.reasons.push({ rule: rule.id, key: 'setGuidance' });
    return true;
  }
  return false;
}

/**
 * Evaluates a compiled policy for one document's facts. Rules run in order; the first rule to
 * set a part of the route wins it; flags and co-operating agencies accumulate; a rule with
 * `stop` ends the evaluation. Parts no rule set take their defaults (leader and department by
 * field, lead agency by competence), each with its reason. The helpers above are plain
 * functions, not closures made per call: this runs for every registered document.
 */
export function route(policy: CompiledPolicy, f: Facts, ctx: RouteContext): Route {
  const r: Route = {
    flow: 'HANDLE_IN_OFFICE',
    leader: null,
    department: null,
    leadAgency: null,
    coAgencies: [],
    deadline: null,
    flags: [],
    reasons: [],
    guidance: null,
  };
  const set = new Set<string>();
  const org = ctx.org;

  for (const rule of policy.rules) {
    if (!rule.test(f)) continue;
    for (let k = 0; k < rule.then.length; k++) {
      const part = rule.parts[k]!;
      if (part && set.has(part)) continue;
      if (apply(r, rule, rule.then[k]!, f, ctx) && part) set.add(part);
    }
    if (rule.stop) break;
  }

  if (!set.has('setFlow')) r.reasons.push({ rule: 'default', key: 'defaultFlow', args: [r.flow] });
  if (!set.has('setLeader')) {
    const leader = byField(f, org.leaderByField) ?? areaLeader(f, org);
    if (leader) {
      r.leader = leader;
      r.reasons.push({ rule: 'default', key: 'defaultLeader', args: [ctx.from, leader.name] });
    }
  }
  if (!set.has('setDepartment')) {
    const d = byField(f, org.departmentByField);
    if (d) {
      r.department = d;
      r.reasons.push({ rule: 'default', key: 'defaultDepartment', args: [d.name] });
    }
  }
  if (!set.has('setLeadAgency') && r.flow === 'SEND_TO_AGENCY_FOR_ADVICE') {
    const g = competentAgency(f, org);
    if (g) {
      r.leadAgency = g;
      r.reasons.push({ rule: 'default', key: 'defaultAgency', args: [g.name] });
    }
  }
  if (r.flow === 'RETURN_TO_SENDER' && !r.guidance && f.competence) {
    r.guidance = `${f.competence.guidance} (Căn cứ: ${f.competence.basis})`;
  }
  if (ctx.requestedDeadline && (!r.deadline || ctx.requestedDeadline < r.deadline)) {
    r.deadline = ctx.requestedDeadline;
    r.reasons.push({ rule: 'default', key: 'requestedDeadline', args: [ctx.requestedDeadline] });
  }
  if (f.fields.length === 0) addFlag(r, 'NO_FIELD');
  for (const x of ctx.extraFlags ?? []) {
    addFlag(r, x.code, x.args);
    r.reasons.push({ rule: 'facts', ...x.reason });
  }
  return r;
}
