import { randomUUID } from 'node:crypto';
import type { Queryable } from '../platform/db.js';
import type { Clock } from '../platform/clock.js';
import { AppError, invalid } from '../platform/errors.js';
import { foldVietnamese } from '../platform/text.js';
import { createUnitDirectory, type UnitDirectory } from '../org/unit-directory.js';
import { appendAudit, auditContent } from '../audit/audit.store.js';
import type { RegistrationRouter, RoutePlan } from '../routing/register-hook.js';
import type { Viewer } from './access.js';
import {
  loadDocument,
  type DocRow,
  type DocumentView,
  type Recipient,
  searchTextOf,
  toView,
} from './document.store.js';
import {
  type RegistrationAnswer,
  type RegistrationBatch,
  planRoutes,
  type RegistrationCall,
  type RoutePlanner,
  writeRegistrations,
} from './registration-batch.js';
import { dateInVietnam, formatCode, incomingScope, yearInVietnam } from './numbering.js';

export interface IncomingInput {
  issuer: { unitCode?: string; name?: string };
  number?: number | null;
  notation?: string | null;
  issuedDate: string;
  type: string;
  subject: string;
  signer?: { form?: string; position?: string; name?: string };
  urgency?: number;
  secrecy?: number;
  pages?: number;
  recipients?: (string | { unitId?: string | null; name: string })[];
  dueDate?: string;
  fields?: string[];
  text?: string;
  referencedCodes?: string[];
  /** Documents this one cites; kind "advice" marks an agency's advice (ý kiến tham mưu, thẩm định). */
  references?: {
    code: string;
    issuer?: { unitCode?: string; name?: string };
    kind?: 'advice' | 'response' | 'other';
  }[];
  confirmDuplicate?: boolean;
}

export interface StoredUpload {
  sha256: string;
  name: string;
  mime: string;
  size: number;
}

export interface RegisterOptions {
  clock: Clock;
  source?: 'manual' | 'upload' | 'bulk' | 'release';
  files?: StoredUpload[];
  sourceDocumentId?: string;
  /** Releases write into another organisation's register. */
  registerUnitId?: string;
  /** The instance's cached unit directory; without it issuers are looked up in the database. */
  units?: UnitDirectory;
  /**
   * The instance's group commit (registration-batch.ts), when `q` is the database itself and not
   * a caller's transaction: the write then goes with the other registrations of the moment.
   */
  batch?: RegistrationBatch;
  /**
   * Routes the document just before it is written, with the other registrations of its batch
   * (routing/register-hook.ts, registration-batch.ts planRoutes); the route is stored by the same
   * statement as the document. `fresh` is set when the database answered that the
   * instance's routing caches were stale.
   */
  route?: RegistrationRouter;
}

async function resolveIssuer(
  q: Queryable,
  issuer: IncomingInput['issuer'],
  dir?: UnitDirectory,
): Promise<{ unitId: string | null; name: string }> {
  if (issuer.unitCode) {
    const u = dir
      ? await dir.byCode(q, issuer.unitCode)
      : (
          await q.query<{ id: string; name: string }>('SELECT id, name FROM units WHERE code = $1', [issuer.unitCode])
        )[0];
    if (!u) throw invalid('issuer.unitCode', 'UNKNOWN_REFERENCE', { value: issuer.unitCode });
    return { unitId: u.id, name: u.name };
  }
  const name = issuer.name?.trim();
  if (!name) throw invalid('issuer.name', 'REQUIRED');
  // A free-text name that names a known unit, however it is written, is that unit.
  const hit = await (dir ?? createUnitDirectory(0)).byName(q, name);
  return hit ? { unitId: hit.id, name: hit.name } : { unitId: null, name };
}

async function checkFields(q: Queryable, codes: string[]): Promise<void> {
  if (!codes.length) return;
  const known = await q.query<{ code: string }>('SELECT code FROM fields WHERE code = ANY($1::text[])', [codes]);
  const bad = codes.find((c) => !known.some((k) => k.code === c));
  if (bad) throw invalid('fields', 'UNKNOWN_REFERENCE', { value: bad });
}

function normaliseRecipients(rs: IncomingInput['recipients']): Recipient[] {
  return (rs ?? []).map((r) =>
    typeof r === 'string' ? { unitId: null, name: r } : { unitId: r.unitId ?? null, name: r.name },
  );
}

type Duplicate = NonNullable<RegistrationAnswer['duplicate']>;

/**
 * Duplicate: same số/ký hiệu from the same issuing body in the same year, or the same file,
 * already in this register (NĐ 30/2020, Phụ lục VI: the system warns on duplicates). The rule
 * lives in SQL (incoming_duplicate, migration 0012) because register_incoming applies it too.
 */
async function findDuplicate(
  q: Queryable,
  registerUnitId: string,
  codeNorm: string | null,
  issuer: { unitId: string | null; name: string },
  issuedYear: number,
  shas: string[],
): Promise<Duplicate | undefined> {
  const r = await q.query<{ id: string; arrival_number: number; arrival_date: string }>(
    'SELECT * FROM incoming_duplicate($1, $2, $3, $4, $5, $6::text[])',
    [registerUnitId, codeNorm, issuer.unitId, issuer.name, issuedYear, shas],
  );
  return r[0] && { id: r[0].id, arrivalNumber: r[0].arrival_number, arrivalDate: r[0].arrival_date };
}

function duplicateError(dup: Duplicate): AppError {
  return new AppError(
    'DUPLICATE_DOCUMENT',
    409,
    undefined,
    { arrivalNumber: dup.arrivalNumber },
    { duplicateOf: { ...dup, url: `/documents/${dup.id}` } },
  );
}

/** Splits an audit row's canonical text around the one value register_incoming fills in. */
function splitAtArrivalNumber(canonical: string): [string, string] {
  const marker = '"arrivalNumber":null';
  const at = canonical.indexOf(marker);
  // Keys are quoted and strings escaped in canonical JSON, so the marker can only be a key;
  // one key of that name, or the hash would cover the wrong value.
  if (at < 0 || canonical.indexOf(marker, at + 1) >= 0) throw new Error('audit: arrivalNumber placeholder not unique');
  return [canonical.slice(0, at + marker.length - 4), canonical.slice(at + marker.length)];
}

/** A registration's route, planned when its batch is written; `planned` holds the plan once made. */
class PendingRoute implements RoutePlanner {
  planned: RoutePlan | null = null;

  constructor(
    private readonly router: RegistrationRouter,
    private readonly q: Queryable,
    private readonly view: DocumentView,
    private readonly duplicateOf: { id: string; arrivalNumber: number } | null,
    private readonly fresh: boolean,
  ) {}

  planNow(): RoutePlan | null {
    // A route found stale is planned again on fresh data, which must be read.
    if (this.fresh) return null;
    return (this.planned = this.router.planNow(this.view, this.duplicateOf));
  }

  async plan(): Promise<RoutePlan> {
    this.planned = await this.router.plan(this.q, this.view, this.duplicateOf, this.fresh);
    return this.planned;
  }
}

/** One registration written on its own (inside a caller's transaction): its route planned first. */
async function writeOne(q: Queryable, call: RegistrationCall): Promise<RegistrationAnswer> {
  const [error] = await planRoutes([call]);
  if (error !== undefined) throw error;
  return (await writeRegistrations(q, [call]))[0]!;
}

/**
 * Registers an incoming document: assigns the next arrival number of the register's year
 * and the arrival date (NĐ 30/2020, Điều 22). Reads come first, routing just before the write; then one statement
 * (register_incoming, migration 0012) checks for a duplicate, takes the number and writes the
 * document, its files, its route and its audit row. With a pool as `q` that statement is its own
 * transaction; inside a caller's transaction it is part of it.
 */
export async function registerIncoming(
  q: Queryable,
  v: Viewer,
  i: IncomingInput,
  o: RegisterOptions,
): Promise<DocumentView> {
  const registerUnitId = o.registerUnitId ?? v.orgUnitId;
  if (!registerUnitId) throw new AppError('NO_REGISTER', 403);
  if ((i.secrecy ?? 0) > v.clearance && o.source !== 'release') {
    // Registering a document one may not read would hide it from oneself at once.
    throw invalid('secrecy', 'CLEARANCE_TOO_LOW');
  }
  const now = o.clock.now();
  const arrivalDate = dateInVietnam(now);
  if (i.issuedDate > arrivalDate) throw invalid('issuedDate', 'ISSUED_AFTER_ARRIVAL', { arrival: arrivalDate });
  if (i.dueDate && i.dueDate < i.issuedDate) throw invalid('dueDate', 'DUE_BEFORE_ISSUED');
  const issuer = await resolveIssuer(q, i.issuer, o.units);
  await checkFields(q, i.fields ?? []);
  const notation = i.notation?.trim() || null;
  const code = i.number != null && notation ? formatCode(i.number, notation) : notation;
  const codeNorm = code ? foldVietnamese(code) : null;
  const files = o.files ?? [];

  // Confirming a duplicate needs the earlier entry before routing (its route is flagged); else
  // register_incoming looks for one and writes nothing if it finds it.
  const dup = i.confirmDuplicate
    ? await findDuplicate(
        q,
        registerUnitId,
        codeNorm,
        issuer,
        Number(i.issuedDate.slice(0, 4)),
        files.map((f) => f.sha256),
      )
    : undefined;

  const recipients = normaliseRecipients(i.recipients);
  // As stored; the search text folds the same string, which routing folds again (document.store.ts searchTextOf).
  const subject = i.subject.trim();
  const referencedCodes = [
    ...new Set(
      [...(i.referencedCodes ?? []), ...(i.references ?? []).map((r) => r.code)].map((c) => c.trim()).filter(Boolean),
    ),
  ];
  const row: DocRow & { code_norm: string | null; full_text: string; search_text: string; created_by: string } = {
    id: randomUUID(),
    direction: 'in',
    register_unit_id: registerUnitId,
    issuer_unit_id: issuer.unitId,
    issuer_name: issuer.name,
    drafting_unit_id: null,
    number: i.number ?? null,
    notation,
    code,
    code_norm: codeNorm,
    issued_date: i.issuedDate,
    type: i.type,
    subject,
    body: '',
    signer_form: i.signer?.form ?? null,
    signer_position: i.signer?.position ?? null,
    signer_name: i.signer?.name ?? null,
    signer_user_id: null,
    urgency: i.urgency ?? 0,
    secrecy: i.secrecy ?? 0,
    pages: i.pages ?? null,
    recipients,
    due_date: i.dueDate ?? null,
    field_codes: i.fields ?? [],
    referenced_codes: referencedCodes,
    references_json: i.references ?? [],
    full_text: i.text ?? '',
    search_text: searchTextOf({
      subject,
      code,
      issuerName: issuer.name,
      signerName: i.signer?.name,
      fullText: i.text,
      referencedCodes,
    }),
    year: yearInVietnam(now),
    arrival_number: null, // taken by register_incoming
    arrival_date: arrivalDate,
    series: null,
    legal_normative: false,
    status: 'registered',
    source: o.source ?? 'manual',
    duplicate_of: dup?.id ?? null,
    source_document_id: o.sourceDocumentId ?? null,
    corrects_id: null,
    format_checker_id: null,
    content_checked_by: null,
    format_checked_by: null,
    version: 1,
    created_by: v.id,
    // Wall time, not the injected clock: like the audit row's time, it records when the row was written.
    created_at: new Date(),
  };
  const view = toView(
    row,
    files.map((f) => ({ sha256: f.sha256, name: f.name, kind: 'main', mime: f.mime, size: f.size })),
  );
  const audit = auditContent(
    { id: v.id, name: v.username },
    dup ? 'register-confirmed-duplicate' : 'register',
    'document',
    row.id,
    null,
    { ...view, body: undefined, duplicateOf: dup?.id ?? null },
  );
  const [head, tail] = splitAtArrivalNumber(audit.canonical);
  for (let attempt = 0; ; attempt++) {
    // The route is planned with the batch it is written in (registration-batch.ts planRoutes).
    const planner = o.route
      ? new PendingRoute(o.route, q, view, dup ? { id: dup.id, arrivalNumber: dup.arrivalNumber } : null, attempt > 0)
      : null;
    const call: RegistrationCall = {
      doc: row,
      files,
      route: null,
      generation: null,
      planner,
      checkDuplicate: !i.confirmDuplicate,
      scope: incomingScope(registerUnitId),
      at: audit.content.at,
      actorId: audit.content.actorId,
      actorName: audit.content.actorName,
      action: audit.content.action,
      after: audit.content.after,
      head,
      tail,
    };
    const r = o.batch ? await o.batch(call) : await writeOne(q, call);
    if (r.error) throw Object.assign(new Error(r.error.message), { code: r.error.code });
    if (r.duplicate) throw duplicateError(r.duplicate);
    // Stale again and again would mean the organisation changes faster than we can route; fail loudly.
    if (r.stale) {
      if (attempt < 3) continue;
      throw new Error('routing generation keeps moving');
    }
    planner?.planned?.written(r.resubmission ?? null);
    return { ...view, arrivalNumber: r.arrivalNumber! };
  }
}

/**
 * Corrects an incoming document's metadata (a clerk's typing error, a field confirmed later).
 * The arrival number and date never change. `afterUpdate` recomputes the route (routing/).
 */
export async function updateIncoming(
  q: Queryable,
  v: Viewer,
  id: string,
  patch: Partial<Omit<IncomingInput, 'confirmDuplicate'>>,
  o: { clock: Clock; afterUpdate?: (q: Queryable, doc: DocumentView) => Promise<void> },
): Promise<DocumentView> {
  const before = await loadDocument(q, v, id, true);
  if (before.direction !== 'in') throw invalid('id', 'NOT_INCOMING');
  if (patch.secrecy !== undefined && patch.secrecy > v.clearance) throw invalid('secrecy', 'CLEARANCE_TOO_LOW');
  const issuedDate = patch.issuedDate ?? before.issuedDate!;
  if (before.arrivalDate && issuedDate > before.arrivalDate) {
    throw invalid('issuedDate', 'ISSUED_AFTER_ARRIVAL', { arrival: before.arrivalDate });
  }
  const issuer = patch.issuer ? await resolveIssuer(q, patch.issuer) : before.issuer;
  if (patch.fields) await checkFields(q, patch.fields);
  const number = patch.number !== undefined ? patch.number : before.number;
  const notation = patch.notation !== undefined ? patch.notation?.trim() || null : before.notation;
  const code = number != null && notation ? formatCode(number, notation) : notation;
  const subject = patch.subject?.trim() ?? before.subject;
  // The full text stays as it was read; the search text is rebuilt from it and the corrected metadata.
  const fullText = await q.query<{ full_text: string }>('SELECT full_text FROM documents WHERE id = $1', [id]);
  const referencedCodes = patch.references
    ? [...new Set([...(patch.referencedCodes ?? before.referencedCodes), ...patch.references.map((r) => r.code)])]
    : (patch.referencedCodes ?? before.referencedCodes);
  await q.query(
    `UPDATE documents SET issuer_unit_id = $2, issuer_name = $3, number = $4, notation = $5, code = $6, code_norm = $7,
       issued_date = $8, type = $9, subject = $10, signer_form = $11, signer_position = $12, signer_name = $13,
       urgency = $14, secrecy = $15, pages = $16, recipients = $17, due_date = $18, field_codes = $19,
       referenced_codes = $20, references_json = coalesce($21::jsonb, references_json), search_text = $22, updated_at = now()
     WHERE id = $1`,
    [
      id,
      issuer.unitId,
      issuer.name,
      number,
      notation,
      code,
      code ? foldVietnamese(code) : null,
      issuedDate,
      patch.type ?? before.type,
      subject,
      patch.signer?.form ?? before.signer.form,
      patch.signer?.position ?? before.signer.position,
      patch.signer?.name ?? before.signer.name,
      patch.urgency ?? before.urgency,
      patch.secrecy ?? before.secrecy,
      patch.pages ?? before.pages,
      JSON.stringify(patch.recipients ? normaliseRecipients(patch.recipients) : before.recipients),
      patch.dueDate ?? before.dueDate,
      patch.fields ?? before.fields,
      referencedCodes,
      patch.references ? JSON.stringify(patch.references) : null,
      searchTextOf({
        subject,
        code,
        issuerName: issuer.name,
        signerName: patch.signer?.name ?? before.signer.name,
        referencedCodes,
        fullText: fullText[0]?.full_text,
      }),
    ],
  );
  const after = await loadDocument(q, { ...v, clearance: 3, roles: ['admin'] }, id);
  await o.afterUpdate?.(q, after);
  await appendAudit(
    q,
    { id: v.id, name: v.username },
    'update',
    'document',
    id,
    { ...before, body: undefined },
    { ...after, body: undefined },
  );
  return after;
}
