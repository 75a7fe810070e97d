import type { Queryable } from '../platform/db.js';
import type { Clock } from '../platform/clock.js';
import { AppError, invalid } from '../platform/errors.js';
import { foldVietnamese } from '../platform/text.js';
import { createUnitDirectory, type UnitDirectory } from '../org/unit-directory.js';
import { appendAudit } from '../audit/audit.store.js';
import type { Viewer } from './access.js';
import {
  DOC_COLUMNS,
  loadDocument,
  type DocRow,
  type DocumentFile,
  type DocumentView,
  type Recipient,
  searchTextOf,
  toView,
} from './document.store.js';
import { dateInVietnam, formatCode, incomingScope, yearInVietnam } from './numbering.js';
import { assignArrivalNumber } from './numbering.store.js';

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
   * Runs inside the transaction after the row is written and before the arrival number is
   * taken (routing), so that its reads stay out of the numbering lock.
   */
  beforeNumbering?: (
    q: Queryable,
    doc: DocumentView,
    duplicateOf: { id: string; arrivalNumber: number } | null,
  ) => Promise<void>;
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

/**
 * Duplicate: same số/ký hiệu from the same issuing body in the same year, or the same file,
 * already in this register (NĐ 30/2020, Phụ lục VI: the system warns on duplicates).
 */
async function findDuplicate(
  q: Queryable,
  registerUnitId: string,
  codeNorm: string | null,
  issuer: { unitId: string | null; name: string },
  issuedYear: number,
  shas: string[],
): Promise<{ id: string; arrival_number: number; arrival_date: string } | undefined> {
  if (codeNorm) {
    const r = await q.query<{ id: string; arrival_number: number; arrival_date: string }>(
      `SELECT id, arrival_number, arrival_date FROM documents
       WHERE direction = 'in' AND register_unit_id = $1 AND code_norm = $2
         AND extract(year FROM issued_date) = $3
         AND (issuer_unit_id = $4 OR (issuer_unit_id IS NULL AND lower(issuer_name) = lower($5)))
       ORDER BY arrival_number LIMIT 1`,
      [registerUnitId, codeNorm, issuedYear, issuer.unitId, issuer.name],
    );
    if (r[0]) return r[0];
  }
  if (shas.length) {
    const r = await q.query<{ id: string; arrival_number: number; arrival_date: string }>(
      `SELECT d.id, d.arrival_number, d.arrival_date FROM documents d JOIN document_files f ON f.document_id = d.id
       WHERE d.direction = 'in' AND d.register_unit_id = $1 AND f.sha256 = ANY($2::text[])
       ORDER BY d.arrival_number LIMIT 1`,
      [registerUnitId, shas],
    );
    if (r[0]) return r[0];
  }
  return undefined;
}

/**
 * Registers an incoming document: assigns the next arrival number of the register's year
 * and the arrival date (NĐ 30/2020, Điều 22), all in the caller's transaction.
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
  const shas = (o.files ?? []).map((f) => f.sha256);

  const dup = await findDuplicate(q, registerUnitId, codeNorm, issuer, Number(i.issuedDate.slice(0, 4)), shas);
  if (dup && !i.confirmDuplicate) {
    throw new AppError(
      'DUPLICATE_DOCUMENT',
      409,
      undefined,
      { arrivalNumber: dup.arrival_number },
      {
        duplicateOf: {
          id: dup.id,
          arrivalNumber: dup.arrival_number,
          arrivalDate: dup.arrival_date,
          url: `/documents/${dup.id}`,
        },
      },
    );
  }

  const year = yearInVietnam(now);
  const recipients = normaliseRecipients(i.recipients);
  const referencedCodes = [
    ...new Set(
      [...(i.referencedCodes ?? []), ...(i.references ?? []).map((r) => r.code)].map((c) => c.trim()).filter(Boolean),
    ),
  ];
  const rows = await q.query<DocRow>(
    `INSERT INTO documents AS d (direction, register_unit_id, issuer_unit_id, issuer_name, number, notation, code, code_norm,
       issued_date, type, subject, signer_form, signer_position, signer_name, urgency, secrecy, pages, recipients,
       due_date, field_codes, referenced_codes, full_text, search_text, year, arrival_number, arrival_date, status,
       source, duplicate_of, source_document_id, created_by)
     VALUES ('in',$1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,
       'registered',$26,$27,$28,$29)
     RETURNING ${DOC_COLUMNS}`,
    [
      registerUnitId,
      issuer.unitId,
      issuer.name,
      i.number ?? null,
      notation,
      code,
      codeNorm,
      i.issuedDate,
      i.type,
      i.subject.trim(),
      i.signer?.form ?? null,
      i.signer?.position ?? null,
      i.signer?.name ?? null,
      i.urgency ?? 0,
      i.secrecy ?? 0,
      i.pages ?? null,
      JSON.stringify(recipients),
      i.dueDate ?? null,
      i.fields ?? [],
      referencedCodes,
      i.text ?? '',
      searchTextOf({
        subject: i.subject,
        code,
        issuerName: issuer.name,
        signerName: i.signer?.name,
        fullText: i.text,
        referencedCodes,
      }),
      year,
      null, // arrival number: taken last, see below
      arrivalDate,
      o.source ?? 'manual',
      dup ? dup.id : null,
      o.sourceDocumentId ?? null,
      v.id,
    ],
  );
  const id = rows[0]!.id;
  const files: DocumentFile[] = [];
  for (const f of o.files ?? []) {
    await q.query(`INSERT INTO stored_files(sha256, size, mime) VALUES ($1,$2,$3) ON CONFLICT (sha256) DO NOTHING`, [
      f.sha256,
      f.size,
      f.mime,
    ]);
    await q.query(
      `INSERT INTO document_files(document_id, sha256, name, kind) VALUES ($1,$2,$3,'main') ON CONFLICT DO NOTHING`,
      [id, f.sha256, f.name],
    );
    files.push({ sha256: f.sha256, name: f.name, kind: 'main', mime: f.mime, size: f.size });
  }
  const loaded = toView(rows[0]!, files);
  if (i.references?.length) {
    await q.query('UPDATE documents SET references_json = $2 WHERE id = $1', [id, JSON.stringify(i.references)]);
  }
  await o.beforeNumbering?.(q, loaded, dup ? { id: dup.id, arrivalNumber: dup.arrival_number } : null);
  // The arrival number is taken last: its row lock is held until commit, so everything that
  // can run before it does, and concurrent registrations queue for as short a time as possible.
  const arrivalNumber = await assignArrivalNumber(q, incomingScope(registerUnitId), year, id);
  const view = { ...loaded, arrivalNumber };
  await appendAudit(
    q,
    { id: v.id, name: v.username },
    dup ? 'register-confirmed-duplicate' : 'register',
    'document',
    id,
    null,
    { ...view, body: undefined, duplicateOf: dup?.id ?? null },
  );
  return view;
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
