import type { Queryable } from '../platform/db.js';
import type { Clock } from '../platform/clock.js';
import { AppError, invalid } from '../platform/errors.js';
import { foldVietnamese } from '../platform/text.js';
import { appendAudit } from '../audit/audit.store.js';
import type { Viewer } from './access.js';
import { type DocumentView, loadDocument, type Recipient, searchTextOf, stateError } from './document.store.js';
import { checkFormat, type Violation } from './format-check.js';
import { registerIncoming } from './incoming.store.js';
import { buildNotation, dateInVietnam, formatCode, outgoingScope, seriesOf, yearInVietnam } from './numbering.js';
import { nextNumber, recordCancelledNumber } from './numbering.store.js';

export interface DraftInput {
  type: string;
  subject: string;
  issuer?: { unitCode: string };
  draftingUnitCode?: string;
  body?: string;
  fields?: string[];
  recipients?: (string | { unitId?: string | null; unitCode?: string; name?: string })[];
  urgency?: number;
  secrecy?: number;
  legalNormative?: boolean;
  dueDate?: string;
  pages?: number;
  signer?: { form?: string; position?: string; name?: string };
  formatCheckerId?: string;
}

interface UnitLite {
  id: string;
  name: string;
  short_name: string;
  level: string;
}

async function unitByCode(q: Queryable, code: string, field: string): Promise<UnitLite> {
  const u = (await q.query<UnitLite>('SELECT id, name, short_name, level FROM units WHERE code = $1', [code]))[0];
  if (!u) throw invalid(field, 'UNKNOWN_REFERENCE', { value: code });
  return u;
}

async function unitById(q: Queryable, id: string): Promise<UnitLite> {
  return (await q.query<UnitLite>('SELECT id, name, short_name, level FROM units WHERE id = $1', [id]))[0]!;
}

async function resolveRecipients(q: Queryable, rs: DraftInput['recipients']): Promise<Recipient[]> {
  const out: Recipient[] = [];
  for (const [i, r] of (rs ?? []).entries()) {
    if (typeof r === 'string') out.push({ unitId: null, name: r });
    else if (r.unitCode) {
      const u = await unitByCode(q, r.unitCode, `recipients.${i}.unitCode`);
      out.push({ unitId: u.id, name: u.name });
    } else if (r.unitId) {
      const u = (await q.query<UnitLite>('SELECT id, name, short_name, level FROM units WHERE id = $1', [r.unitId]))[0];
      if (!u) throw invalid(`recipients.${i}.unitId`, 'UNKNOWN_REFERENCE', { value: r.unitId });
      out.push({ unitId: u.id, name: u.name });
    } else if (r.name?.trim()) out.push({ unitId: null, name: r.name.trim() });
    else throw invalid(`recipients.${i}.name`, 'REQUIRED');
  }
  return out;
}

function assertIssuerRights(v: Viewer, issuerUnitId: string): void {
  // Agency and commune users draft only in their own organisation's name.
  if (v.roles.every((r) => r === 'agency_user' || r === 'commune_user') && v.orgUnitId !== issuerUnitId) {
    throw new AppError('FORBIDDEN_ISSUER', 403, 'issuer.unitCode');
  }
}

const ADMIN_VIEW = (v: Viewer): Viewer => ({ ...v, roles: ['admin'], clearance: 3 });

async function audit(q: Queryable, v: Viewer, action: string, before: DocumentView | null, after: DocumentView) {
  await appendAudit(
    q,
    { id: v.id, name: v.username },
    action,
    'document',
    after.id,
    before && { ...before, body: undefined },
    {
      ...after,
      body: undefined,
    },
  );
}

/** Creates a draft. The issuer defaults to the UBND tỉnh (code 51 in the demo province). */
export async function createDraft(q: Queryable, v: Viewer, i: DraftInput, clock: Clock): Promise<DocumentView> {
  const issuer = i.issuer
    ? await unitByCode(q, i.issuer.unitCode, 'issuer.unitCode')
    : (
        await q.query<UnitLite>(
          `SELECT id, name, short_name, level FROM units WHERE level = 'province' ORDER BY sort LIMIT 1`,
        )
      )[0]!;
  assertIssuerRights(v, issuer.id);
  if ((i.secrecy ?? 0) > v.clearance) throw invalid('secrecy', 'CLEARANCE_TOO_LOW');
  const drafting = i.draftingUnitCode ? await unitByCode(q, i.draftingUnitCode, 'draftingUnitCode') : null;
  const recipients = await resolveRecipients(q, i.recipients);
  if (i.fields?.length) {
    const known = await q.query<{ code: string }>('SELECT code FROM fields WHERE code = ANY($1::text[])', [i.fields]);
    const bad = i.fields.find((c) => !known.some((k) => k.code === c));
    if (bad) throw invalid('fields', 'UNKNOWN_REFERENCE', { value: bad });
  }
  const body = i.body ?? '';
  const rows = await q.query<{ id: string }>(
    `INSERT INTO documents(direction, register_unit_id, issuer_unit_id, issuer_name, drafting_unit_id, type, subject, body,
       signer_form, signer_position, signer_name, urgency, secrecy, pages, recipients, due_date, field_codes, search_text,
       year, legal_normative, status, source, format_checker_id, created_by)
     VALUES ('out',$1,$1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,'draft','manual',$19,$20) RETURNING id`,
    [
      issuer.id,
      issuer.name,
      drafting?.id ?? null,
      i.type,
      i.subject.trim(),
      body,
      i.signer?.form ?? null,
      i.signer?.position ?? null,
      i.signer?.name ?? null,
      i.urgency ?? 0,
      i.secrecy ?? 0,
      i.pages ?? null,
      JSON.stringify(recipients),
      i.dueDate ?? null,
      i.fields ?? [],
      searchTextOf({ subject: i.subject, issuerName: issuer.name, body }),
      yearInVietnam(clock.now()),
      i.legalNormative ?? false,
      i.formatCheckerId ?? null,
      v.id,
    ],
  );
  const id = rows[0]!.id;
  const view = await loadDocument(q, ADMIN_VIEW(v), id);
  await snapshotVersion(q, v, view);
  await audit(q, v, 'draft-create', null, view);
  return view;
}

async function snapshotVersion(q: Queryable, v: Viewer, d: DocumentView): Promise<void> {
  await q.query(
    `INSERT INTO document_versions(document_id, version, subject, body, snapshot, created_by) VALUES ($1,$2,$3,$4,$5,$6)`,
    [d.id, d.version, d.subject, d.body, JSON.stringify({ ...d, files: undefined }), v.id],
  );
}

async function loadOutgoing(q: Queryable, v: Viewer, id: string): Promise<DocumentView> {
  const d = await loadDocument(q, v, id, true);
  if (d.direction !== 'out') throw invalid('id', 'NOT_OUTGOING');
  assertIssuerRights(v, d.issuer.unitId!);
  return d;
}

/** Edits a draft; every edit is a new version and clears earlier checks, which no longer apply. */
export async function updateDraft(
  q: Queryable,
  v: Viewer,
  id: string,
  patch: Partial<DraftInput>,
): Promise<DocumentView> {
  const before = await loadOutgoing(q, v, id);
  if (before.status !== 'draft') throw stateError('NOT_A_DRAFT', { status: before.status });
  const recipients = patch.recipients ? await resolveRecipients(q, patch.recipients) : before.recipients;
  const subject = patch.subject?.trim() ?? before.subject;
  const body = patch.body ?? before.body;
  await q.query(
    `UPDATE documents SET type = $2, subject = $3, body = $4, recipients = $5, field_codes = $6, urgency = $7,
       secrecy = $8, legal_normative = $9, due_date = $10, signer_form = $11, signer_position = $12, signer_name = $13,
       search_text = $14, version = version + 1, content_checked_by = NULL, format_checked_by = NULL, updated_at = now()
     WHERE id = $1`,
    [
      id,
      patch.type ?? before.type,
      subject,
      body,
      JSON.stringify(recipients),
      patch.fields ?? before.fields,
      patch.urgency ?? before.urgency,
      patch.secrecy ?? before.secrecy,
      patch.legalNormative ?? before.legalNormative,
      patch.dueDate ?? before.dueDate,
      patch.signer?.form ?? before.signer.form,
      patch.signer?.position ?? before.signer.position,
      patch.signer?.name ?? before.signer.name,
      searchTextOf({ subject, issuerName: before.issuer.name, body }),
    ],
  );
  const after = await loadDocument(q, ADMIN_VIEW(v), id);
  await snapshotVersion(q, v, after);
  await audit(q, v, 'draft-update', before, after);
  return after;
}

export async function listVersions(q: Queryable, v: Viewer, id: string) {
  await loadDocument(q, v, id);
  return q.query<{
    version: number;
    subject: string;
    body: string;
    createdAt: Date;
    createdBy: string | null;
    createdByName: string | null;
  }>(
    `SELECT v.version, v.subject, v.body, v.created_at AS "createdAt", v.created_by AS "createdBy", u.full_name AS "createdByName"
     FROM document_versions v LEFT JOIN users u ON u.id = v.created_by
     WHERE v.document_id = $1 ORDER BY v.version DESC`,
    [id],
  );
}

export async function checkContent(
  q: Queryable,
  v: Viewer,
  id: string,
  approve: boolean,
  note: string,
): Promise<DocumentView> {
  const before = await loadOutgoing(q, v, id);
  if (before.status !== 'draft') throw stateError('NOT_A_DRAFT', { status: before.status });
  await q.query('UPDATE documents SET content_checked_by = $2, updated_at = now() WHERE id = $1', [
    id,
    approve ? v.id : null,
  ]);
  const after = await loadDocument(q, ADMIN_VIEW(v), id);
  await appendAudit(
    q,
    { id: v.id, name: v.username },
    approve ? 'content-approve' : 'content-reject',
    'document',
    id,
    null,
    { note },
  );
  return after;
}

async function issuerOf(q: Queryable, d: DocumentView) {
  const issuer = await unitById(q, d.issuer.unitId!);
  const drafting = d.draftingUnitId ? await unitById(q, d.draftingUnitId) : null;
  return { issuer, drafting };
}

/** The format check; records it when the caller is the assigned checker (or a checker) and it passes. */
export async function checkDraftFormat(
  q: Queryable,
  v: Viewer,
  id: string,
  opts: { canRecord: boolean; dateLine?: string | null },
): Promise<{ violations: Violation[]; ok: boolean; recorded: boolean }> {
  const d = await loadOutgoing(q, v, id);
  const { issuer, drafting } = await issuerOf(q, d);
  const violations = checkFormat({
    type: d.type,
    subject: d.subject,
    body: d.body,
    notation: d.notation,
    issuerShort: issuer.short_name,
    issuerLevel: issuer.level,
    draftingShort: drafting?.short_name,
    dateLine: opts.dateLine,
    signerForm: d.signer.form,
    signerPosition: d.signer.position,
    recipients: d.recipients,
  });
  const mayRecord = d.status === 'draft' && violations.length === 0 && (opts.canRecord || d.formatCheckerId === v.id);
  if (mayRecord) {
    await q.query('UPDATE documents SET format_checked_by = $2 WHERE id = $1', [id, v.id]);
    await appendAudit(q, { id: v.id, name: v.username }, 'format-approve', 'document', id, null, { violations: [] });
  }
  return { violations, ok: violations.length === 0, recorded: mayRecord };
}

/**
 * Records the signature. Signing needs both checks (NĐ 30/2020, Điều 12), except when an
 * admin signs for the demo, which the audit records as checks skipped.
 */
export async function signDraft(
  q: Queryable,
  v: Viewer,
  id: string,
  s: { form: string; signerUserId?: string },
): Promise<DocumentView> {
  const before = await loadOutgoing(q, v, id);
  if (before.status !== 'draft') throw stateError('NOT_A_DRAFT', { status: before.status });
  const isAdmin = v.roles.includes('admin');
  const signerId = s.signerUserId ?? v.id;
  if (signerId !== v.id && !isAdmin) throw new AppError('SIGN_FOR_OTHER', 403, 'signerUserId');
  const signer = (
    await q.query<{ id: string; full_name: string; position: string }>(
      'SELECT id, full_name, position FROM users WHERE id = $1',
      [signerId],
    )
  )[0];
  if (!signer) throw invalid('signerUserId', 'UNKNOWN_REFERENCE', { value: signerId });
  const checksSkipped = !before.contentCheckedBy || !before.formatCheckedBy;
  if (checksSkipped && !isAdmin) throw stateError('CHECKS_PENDING');
  const { issuer } = await issuerOf(q, before);
  const mismatch = checkFormat({
    type: before.type,
    subject: before.subject,
    body: '',
    issuerShort: issuer.short_name,
    issuerLevel: issuer.level,
    signerForm: s.form,
    signerPosition: signer.position,
    recipients: before.recipients,
  }).find((x) => x.code === 'SIGNING_FORM_MISMATCH');
  if (mismatch) throw new AppError('SIGNING_FORM_MISMATCH', 400, 'form', { detail: mismatch.message });
  await q.query(
    `UPDATE documents SET status = 'signed', signer_form = $2, signer_position = $3, signer_name = $4, signer_user_id = $5,
       updated_at = now() WHERE id = $1`,
    [id, s.form, signer.position, signer.full_name, signer.id],
  );
  const after = await loadDocument(q, ADMIN_VIEW(v), id);
  await audit(q, v, checksSkipped ? 'sign-checks-skipped' : 'sign', before, after);
  return after;
}

/** Assigns the number and date (NĐ 30/2020, Điều 15): only a signed document gets one. */
export async function issueDocument(q: Queryable, v: Viewer, id: string, clock: Clock): Promise<DocumentView> {
  const before = await loadOutgoing(q, v, id);
  if (before.status !== 'signed') throw stateError('NOT_SIGNED', { status: before.status });
  const { issuer, drafting } = await issuerOf(q, before);
  const now = clock.now();
  const year = yearInVietnam(now);
  const series = seriesOf({ type: before.type, legalNormative: before.legalNormative, secrecy: before.secrecy });
  const number = await nextNumber(q, outgoingScope(issuer.id, series), year);
  const notation = buildNotation(before.type, issuer.short_name, drafting?.short_name);
  const code = formatCode(number, notation);
  await q.query(
    `UPDATE documents SET status = 'issued', number = $2, notation = $3, code = $4, code_norm = $5, issued_date = $6,
       year = $7, series = $8, search_text = $9, updated_at = now() WHERE id = $1`,
    [
      id,
      number,
      notation,
      code,
      foldVietnamese(code),
      dateInVietnam(now),
      year,
      series,
      searchTextOf({
        subject: before.subject,
        code,
        issuerName: before.issuer.name,
        signerName: before.signer.name,
        body: before.body,
      }),
    ],
  );
  const after = await loadDocument(q, ADMIN_VIEW(v), id);
  await audit(q, v, 'issue', before, after);
  return after;
}

/**
 * Releases an issued document: each recipient inside the system gets it in its own
 * incoming register, with the same files and metadata, without retyping (Điều 16, 20).
 */
export async function releaseDocument(
  q: Queryable,
  v: Viewer,
  id: string,
  clock: Clock,
): Promise<{ document: DocumentView; delivered: { unitId: string; incomingId: string; arrivalNumber: number }[] }> {
  const before = await loadOutgoing(q, v, id);
  if (before.status !== 'issued') throw stateError('NOT_ISSUED', { status: before.status });
  const delivered: { unitId: string; incomingId: string; arrivalNumber: number }[] = [];
  const files = before.files.map((f) => ({ sha256: f.sha256, name: f.name, mime: f.mime, size: f.size }));
  for (const r of before.recipients) {
    if (!r.unitId) continue;
    const orgRow = (await q.query<{ org: string | null }>('SELECT org_unit_of($1) AS org', [r.unitId]))[0];
    const registerUnitId = orgRow?.org ?? r.unitId;
    const incoming = await registerIncoming(
      q,
      { ...v, clearance: 3 },
      {
        issuer: { name: before.issuer.name },
        number: before.number,
        notation: before.notation,
        issuedDate: before.issuedDate!,
        type: before.type,
        subject: before.subject,
        signer: {
          form: before.signer.form ?? undefined,
          position: before.signer.position ?? undefined,
          name: before.signer.name ?? undefined,
        },
        urgency: before.urgency,
        secrecy: before.secrecy,
        pages: before.pages ?? undefined,
        recipients: before.recipients.map((x) => ({ unitId: x.unitId, name: x.name })),
        dueDate: before.dueDate ?? undefined,
        fields: before.fields,
        text: before.body,
        confirmDuplicate: true,
      },
      { clock, source: 'release', files, sourceDocumentId: id, registerUnitId },
    );
    delivered.push({ unitId: r.unitId, incomingId: incoming.id, arrivalNumber: incoming.arrivalNumber! });
  }
  await q.query(`UPDATE documents SET status = 'released', updated_at = now() WHERE id = $1`, [id]);
  const after = await loadDocument(q, ADMIN_VIEW(v), id);
  await audit(q, v, 'release', before, after);
  return { document: after, delivered };
}

/** Recall (thu hồi): the recipients' copies are marked recalled; the number stays used. */
export async function recallDocument(q: Queryable, v: Viewer, id: string, reason: string): Promise<DocumentView> {
  const before = await loadOutgoing(q, v, id);
  if (before.status !== 'released') throw stateError('NOT_RELEASED', { status: before.status });
  await q.query(`UPDATE documents SET status = 'recalled', updated_at = now() WHERE source_document_id = $1`, [id]);
  await q.query(`UPDATE documents SET status = 'recalled', updated_at = now() WHERE id = $1`, [id]);
  const after = await loadDocument(q, ADMIN_VIEW(v), id);
  await appendAudit(
    q,
    { id: v.id, name: v.username },
    'recall',
    'document',
    id,
    { status: before.status },
    { status: 'recalled', reason },
  );
  return after;
}

/** Cancels an issued, unreleased document's number: recorded, never silently lost. */
export async function cancelNumber(q: Queryable, v: Viewer, id: string, reason: string): Promise<DocumentView> {
  const before = await loadOutgoing(q, v, id);
  if (before.status !== 'issued') throw stateError('NOT_ISSUED', { status: before.status });
  await recordCancelledNumber(q, {
    scope: outgoingScope(before.issuer.unitId!, before.series as 'normal'),
    year: before.year,
    number: before.number!,
    documentId: id,
    reason,
    actorId: v.id,
  });
  await q.query(`UPDATE documents SET status = 'cancelled', updated_at = now() WHERE id = $1`, [id]);
  const after = await loadDocument(q, ADMIN_VIEW(v), id);
  await appendAudit(
    q,
    { id: v.id, name: v.username },
    'cancel-number',
    'document',
    id,
    { status: before.status },
    { status: 'cancelled', code: before.code, reason },
  );
  return after;
}

/**
 * Starts a correction: a format error gets a correcting công văn (đính chính); a content
 * error gets a replacement document of the same type (NĐ 30/2020, Điều 17).
 */
export async function startCorrection(
  q: Queryable,
  v: Viewer,
  id: string,
  kind: 'format' | 'content',
  clock: Clock,
): Promise<DocumentView> {
  const orig = await loadOutgoing(q, v, id);
  if (!['issued', 'released'].includes(orig.status)) throw stateError('NOT_ISSUED', { status: orig.status });
  const issuerCode = (await q.query<{ code: string }>('SELECT code FROM units WHERE id = $1', [orig.issuer.unitId]))[0]!
    .code;
  const draft = await createDraft(
    q,
    v,
    kind === 'format'
      ? {
          type: 'CV',
          subject: `V/v đính chính ${orig.typeName} số ${orig.code}`,
          issuer: { unitCode: issuerCode },
          recipients: orig.recipients.map((r) => (r.unitId ? { unitId: r.unitId } : r.name)),
          fields: orig.fields,
        }
      : {
          type: orig.type,
          subject: orig.subject,
          body: orig.body,
          issuer: { unitCode: issuerCode },
          recipients: orig.recipients.map((r) => (r.unitId ? { unitId: r.unitId } : r.name)),
          fields: orig.fields,
          legalNormative: orig.legalNormative,
          secrecy: orig.secrecy,
        },
    clock,
  );
  await q.query('UPDATE documents SET corrects_id = $2 WHERE id = $1', [draft.id, id]);
  await appendAudit(q, { id: v.id, name: v.username }, `correction-${kind}`, 'document', id, null, {
    correctionDraftId: draft.id,
  });
  return loadDocument(q, ADMIN_VIEW(v), draft.id);
}
