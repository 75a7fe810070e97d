import type { Queryable } from '../platform/db.js';
import { foldVietnamese } from '../platform/text.js';
import { routingGeneration } from '../org/generation.js';
import { buildFacts, senderLevelOf, type CompetenceEntry, type DocumentForRouting, type Reference } from './facts.js';
import type { DocumentView } from '../documents/document.store.js';
import {
  type CompiledPolicy,
  compilePolicy,
  type DeadlineRule,
  type ExtraFlag,
  type OrgSnapshot,
  route,
  type Route,
} from './engine.js';
import { computeDeadline, type WorkCalendar } from '../calendar/working-days.js';
import type { Policy } from './policy.js';
import { loadCatalogue, loadOrgSnapshot, policyByStatus } from './routing.store.js';
import { suggestField, type FieldSuggestion } from './suggest.js';
import { classify, coldStartModel, deserializeModel, type FieldModel } from './classifier.js';
import { enqueue } from '../platform/jobs.js';
import { findResubmission, type Resubmission } from './resubmission.js';

export interface RoutedDocument {
  route: Route;
  policyVersion: number;
  /** The rule names of that version, to render the reasons (reasons.ts). */
  ruleNames: ReadonlyMap<string, string>;
  field: FieldSuggestion | null;
  /** The routing generation the caches were built from (see org/generation.ts). */
  generation: string;
  /** The open matter this document sends again (resubmission.ts); not part of `route`. */
  resubmission: Resubmission | null;
  /** Whether resubmission control applies: the sender is a commune's People's Committee. */
  checksResubmission: boolean;
}

export interface RoutingDeps {
  /** The working calendar of a year and the two after it (calendar/), for deadlines. */
  loadCalendar: (q: Queryable, year: number) => Promise<WorkCalendar>;
}

interface Cache {
  generation: string;
  live: { version: number; policy: Policy; compiled: CompiledPolicy } | null;
  catalogue: CompetenceEntry[];
  snapshots: Map<string, OrgSnapshot>;
  calendars: Map<number, WorkCalendar>;
  /** Per calendar, the function that counts deadlines on it, remembering what it counted. */
  deadlineCounters: Map<WorkCalendar, (from: string, rule: DeadlineRule) => string>;
  fieldNames: Map<string, string>;
  /** Loaded or trained on first use; a promise, so that concurrent first uses share it. */
  model: Promise<FieldModel> | null;
  /** The model once it is there. */
  modelValue: FieldModel | null;
}

/** What routing learned from other documents and the register's own links. */
interface LookedUp {
  ourCodes: Set<string>;
  flags: ExtraFlag[];
  checksResubmission: boolean;
  resubmission: Resubmission | null;
}

/** Extra inputs from the register: links found by looking at other documents. */
export interface RoutingExtras {
  duplicateOf?: { id: string; arrivalNumber: number | null } | null;
  documentId?: string;
  /** False when the caller does not need the link: registration (the write finds it), dry runs. */
  lookupResubmission?: boolean;
}

/**
 * The routing service of one app instance. Policy, catalogue and organisation snapshots are
 * cached and rebuilt when the routing generation in the database moves (org/generation.ts),
 * so several instances agree without talking to each other.
 */
export function createRouting(deps: RoutingDeps) {
  let cache: Cache | null = null;

  // Requests that find the caches missing or stale at the same moment (the first ones after a
  // start, or after an organisation change) share one rebuild instead of each loading and
  // compiling everything, and training the cold-start classifier, for itself.
  let building: { generation: string; promise: Promise<Cache> } | null = null;

  async function fresh(q: Queryable, trustCache = false): Promise<Cache> {
    if (trustCache && cache) return cache;
    const generation = await routingGeneration(q);
    if (cache && cache.generation === generation) return cache;
    if (building?.generation !== generation) {
      const promise = build(q, generation).then(
        (c) => (cache = c),
        (e: unknown) => {
          building = null;
          throw e;
        },
      );
      building = { generation, promise };
    }
    return building.promise;
  }

  async function build(q: Queryable, generation: string): Promise<Cache> {
    const live = await policyByStatus(q, 'published');
    return {
      generation,
      live: live ? { version: live.version, policy: live.policy, compiled: compilePolicy(live.policy) } : null,
      catalogue: await loadCatalogue(q),
      snapshots: new Map(),
      calendars: new Map(),
      deadlineCounters: new Map(),
      fieldNames: new Map(
        (await q.query<{ code: string; name: string }>('SELECT code, name FROM fields')).map((f) => [f.code, f.name]),
      ),
      model: null,
      modelValue: null,
    };
  }

  async function calendar(q: Queryable, c: Cache, year: number): Promise<WorkCalendar> {
    let cal = c.calendars.get(year);
    if (!cal) {
      cal = await deps.loadCalendar(q, year);
      c.calendars.set(year, cal);
    }
    return cal;
  }

  async function snapshot(q: Queryable, c: Cache, date: string): Promise<OrgSnapshot> {
    let s = c.snapshots.get(date);
    if (!s) {
      s = await loadOrgSnapshot(q, date);
      if (c.snapshots.size > 50) c.snapshots.clear();
      c.snapshots.set(date, s);
    }
    return s;
  }

  /** Codes this document cites, folded: a reply to one of ours is found by them. */
  const citedCodes = (d: DocumentForRouting) =>
    [...(d.references ?? []).map((r) => r.code), ...(d.referencedCodes ?? [])].map(foldVietnamese);

  /** Whether resubmission control applies: the sender is a commune's People's Committee (domain.md §4). */
  const checksResubmissionOf = (d: DocumentForRouting) => senderLevelOf(d.issuer.name, d.issuer.level) === 'commune';

  /** Facts that need other documents: a reply to ours, a resubmission. */
  async function lookups(q: Queryable, d: DocumentForRouting, extras: RoutingExtras): Promise<LookedUp> {
    const codes = citedCodes(d);
    const ours = codes.length
      ? await q.query<{ code_norm: string; id: string; code: string }>(
          `SELECT code_norm, id, code FROM documents WHERE direction = 'out' AND code_norm = ANY($1::text[]) LIMIT 10`,
          [codes],
        )
      : [];
    // Resubmission control is one of the four checks on commune documents (domain.md §4). At
    // registration register_incoming runs it in the same statement (resubmission.ts).
    const checksResubmission = checksResubmissionOf(d);
    const resubmission =
      checksResubmission && extras.lookupResubmission !== false
        ? await findResubmission(q, d.issuer, d.subject, extras.documentId ?? null)
        : null;
    return lookedUp(d, extras, ours, checksResubmission, resubmission);
  }

  function lookedUp(
    d: DocumentForRouting,
    extras: RoutingExtras,
    ours: { code_norm: string; code: string }[],
    checksResubmission: boolean,
    resubmission: Resubmission | null,
  ): LookedUp {
    const flags: LookedUp['flags'] = [];
    if (ours.length) {
      flags.push({
        code: 'RESPONSE_TO_OURS',
        args: [ours[0]!.code],
        reason: { key: 'responseToOurs', args: [ours[0]!.code] },
      });
    }
    if (extras.duplicateOf) {
      flags.push({ code: 'DUPLICATE', args: [extras.duplicateOf.arrivalNumber ?? ''], reason: { key: 'duplicate' } });
    }
    if ((d.secrecy ?? 0) > 0) flags.push({ code: 'SECRET', reason: { key: 'secret' } });
    return { ourCodes: new Set(ours.map((o) => o.code_norm)), flags, checksResubmission, resubmission };
  }

  /**
   * Routes one document. With `trustCache` the instance's cached policy and organisation are
   * used without asking the database whether they are current; the caller then checks the
   * generation when it saves (register-hook.ts) and recomputes in the rare case it moved.
   */
  async function compute(
    q: Queryable,
    d: DocumentForRouting,
    extras: RoutingExtras = {},
    usePolicy?: { version: number; compiled: CompiledPolicy },
    trustCache = false,
  ): Promise<RoutedDocument> {
    const c = await fresh(q, trustCache);
    const live = usePolicy ?? c.live;
    if (!live) throw new Error('no published routing policy');
    const org = await snapshot(q, c, d.date);
    const model = d.fields?.length ? null : await modelOf(q, c, live.compiled);
    const look = await lookups(q, d, extras);
    const cal = await calendar(q, c, Number(d.date.slice(0, 4)));
    return decide(c, live, org, model, look, cal, d);
  }

  /**
   * The same as compute with `trustCache`, without waiting for anything, when everything it
   * needs is cached and no other document must be read; null otherwise (then use compute).
   * Registration routes this way: the decision runs in one piece instead of being cut at every
   * cache lookup into turns of the event loop that other requests' work fills in between.
   */
  function computeCached(d: DocumentForRouting, extras: RoutingExtras = {}): RoutedDocument | null {
    const c = cache;
    const live = c?.live;
    if (!c || !live) return null;
    const org = c.snapshots.get(d.date);
    const cal = c.calendars.get(Number(d.date.slice(0, 4)));
    const model = d.fields?.length ? null : c.modelValue;
    if (!org || !cal || (!d.fields?.length && !model)) return null;
    const checksResubmission = checksResubmissionOf(d);
    const cites = (d.references?.length ?? 0) + (d.referencedCodes?.length ?? 0) > 0;
    if (cites || (checksResubmission && extras.lookupResubmission !== false)) return null;
    return decide(c, live, org, model, lookedUp(d, extras, [], checksResubmission, null), cal, d);
  }

  function decide(
    c: Cache,
    live: { version: number; compiled: CompiledPolicy },
    org: OrgSnapshot,
    model: FieldModel | null,
    look: LookedUp,
    cal: WorkCalendar,
    d: DocumentForRouting,
  ): RoutedDocument {
    const field = model ? suggest(model, live.compiled, d) : null;
    const fields = d.fields?.length ? d.fields : field ? [field.field] : [];
    const facts = buildFacts(d, fields, c.catalogue, look.ourCodes);
    const extraFlags = [...look.flags];
    if (field) {
      extraFlags.push({
        code: 'FIELD_SUGGESTED',
        args: [c.fieldNames.get(field.field) ?? field.field, Math.round(field.confidence * 100)],
        reason: { key: 'fieldSuggested', args: [field.method] },
      });
    }
    const r = route(live.compiled, facts, {
      org,
      from: d.date,
      addDeadline: deadlineCounter(c, cal),
      requestedDeadline: d.dueDate ?? null,
      extraFlags,
    });
    if (facts.senderLevel === 'commune' && facts.senderArea && org.leaderByArea.get(facts.senderArea)) {
      const areaLeader = org.leaderByArea.get(facts.senderArea)!;
      r.reasons.push({ rule: 'facts', key: 'areaLeader', args: [areaLeader.name] });
    }
    if (facts.adviceEvidence) r.reasons.push({ rule: 'facts', key: 'adviceEvidence', args: [facts.adviceEvidence] });
    if (facts.competence) {
      r.reasons.push({ rule: 'catalogue', key: 'competence', args: [facts.competence.level, facts.competence.basis] });
    }
    return {
      route: r,
      policyVersion: live.version,
      ruleNames: live.compiled.ruleNames,
      field,
      resubmission: look.resubmission,
      checksResubmission: look.checksResubmission,
      generation: c.generation,
    };
  }

  /**
   * Counts deadlines on a calendar, each start date and rule once per cache generation: every
   * registration of a day asks the same few. The calendar (a year's official days) is part of the
   * cache, so a change to it moves the generation and drops these with it. One counter per
   * calendar, made once, not a closure per decision.
   */
  function deadlineCounter(c: Cache, cal: WorkCalendar): (from: string, rule: DeadlineRule) => string {
    let count = c.deadlineCounters.get(cal);
    if (!count) {
      // By the rule itself (the compiled policy's, the same object every time), then by the start
      // date: no key string to build and hash for every decision.
      const counted = new Map<DeadlineRule, Map<string, string>>();
      count = (from, rule) => {
        let byFrom = counted.get(rule);
        if (!byFrom) {
          if (counted.size >= 1000) counted.clear();
          counted.set(rule, (byFrom = new Map()));
        }
        let d = byFrom.get(from);
        if (d === undefined) {
          d = computeDeadline(from, rule, cal);
          if (byFrom.size >= 1000) byFrom.clear();
          byFrom.set(from, d);
        }
        return d;
      };
      c.deadlineCounters.set(cal, count);
    }
    return count;
  }

  /**
   * The field classifier's model: the one trained from confirmed routes when one has been saved
   * (retrain job), else a cold-start model from the live policy's keywords, built once per
   * cache generation.
   */
  async function modelOf(q: Queryable, c: Cache, policy: CompiledPolicy): Promise<FieldModel> {
    c.model ??= loadModel(q, policy).then(
      (m) => (c.modelValue = m),
      (e: unknown) => {
        c.model = null;
        throw e;
      },
    );
    return c.model;
  }

  /** The field suggestion; keyword matching when the text has no feature the model knows. */
  function suggest(model: FieldModel, policy: CompiledPolicy, d: DocumentForRouting): FieldSuggestion | null {
    const r = classify(model, d.subject, { body: d.text ?? '', alternatives: 0 });
    if (r.matched > 0)
      return { field: r.field, confidence: Math.round(r.confidence * 100) / 100, method: 'classifier' };
    // Without a text, the subject alone: it folds the same, and its fold is remembered.
    return suggestField(policy.keywords, d.text ? `${d.subject}\n${d.text}` : d.subject);
  }

  async function loadModel(q: Queryable, policy: CompiledPolicy): Promise<FieldModel> {
    const saved = (
      await q.query<{ model: string }>(`SELECT model::text AS model FROM classifier_models WHERE name = 'fields'`)
    )[0];
    return saved ? deserializeModel(saved.model) : coldStartModel(policy.keywords);
  }

  /**
   * A confirmed or overridden route feeds learning: its field and text become a training
   * example for the field classifier.
   */
  async function learn(q: Queryable, documentId: string): Promise<void> {
    const row = (
      await q.query<{ field_code: string | null; subject: string; full_text: string }>(
        `SELECT route_field_code AS field_code, subject, full_text FROM documents WHERE id = $1 AND route_flow IS NOT NULL`,
        [documentId],
      )
    )[0];
    if (!row?.field_code) return;
    await q.query(
      `INSERT INTO routing_examples(document_id, field_code, text) VALUES ($1,$2,$3)
       ON CONFLICT (document_id) DO UPDATE SET field_code = $2, text = $3, created_at = now()`,
      // The subject alone trains best; the body only weighs in at classification (classifier.ts).
      [documentId, row.field_code, row.subject],
    );
    await enqueue(q, 'retrain-classifier', {}, { dedupeKey: `retrain:${new Date().toISOString().slice(0, 13)}` });
  }

  /** The routing input of a just-written document, from its view and the cached organisation. */
  async function inputOf(q: Queryable, doc: DocumentView, references: Reference[]): Promise<DocumentForRouting> {
    const c = await fresh(q, true);
    return inputFrom(await snapshot(q, c, doc.arrivalDate!), doc, references);
  }

  /** inputOf without waiting, when the organisation of the date is cached; null otherwise. */
  function inputOfCached(doc: DocumentView, references: Reference[]): DocumentForRouting | null {
    const org = cache?.snapshots.get(doc.arrivalDate!);
    return org ? inputFrom(org, doc, references) : null;
  }

  function inputFrom(org: OrgSnapshot, doc: DocumentView, references: Reference[]): DocumentForRouting {
    const u = doc.issuer.unitId ? org.unitById?.get(doc.issuer.unitId) : undefined;
    return {
      issuer: {
        unitId: doc.issuer.unitId,
        unitCode: u?.code ?? null,
        name: doc.issuer.name,
        level: u?.level ?? null,
        areaCode: u?.areaCode ?? null,
      },
      type: doc.type,
      subject: doc.subject,
      text: doc.body,
      fields: doc.fields,
      urgency: doc.urgency,
      secrecy: doc.secrecy,
      references,
      referencedCodes: doc.referencedCodes,
      dueDate: doc.dueDate,
      date: doc.arrivalDate!,
    };
  }

  return { compute, computeCached, fresh, snapshot, learn, inputOf, inputOfCached };
}

export type Routing = ReturnType<typeof createRouting>;
