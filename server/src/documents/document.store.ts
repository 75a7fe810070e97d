import type { Queryable } from '../platform/db.js';
import { AppError, notFound } from '../platform/errors.js';
import { foldVietnamese } from '../platform/text.js';
import { canSee, type Viewer } from './access.js';
import { typeName } from './types.js';

export interface Recipient {
  unitId: string | null;
  name: string;
}

export interface DocumentFile {
  sha256: string;
  name: string;
  kind: 'main' | 'attachment';
  mime: string;
  size: number;
}

export interface DocumentView {
  id: string;
  direction: 'in' | 'out';
  registerUnitId: string;
  year: number;
  arrivalNumber: number | null;
  arrivalDate: string | null;
  number: number | null;
  notation: string | null;
  code: string | null;
  issuer: { unitId: string | null; name: string };
  draftingUnitId: string | null;
  issuedDate: string | null;
  type: string;
  typeName: string;
  subject: string;
  body: string;
  signer: { form: string | null; position: string | null; name: string | null; userId: string | null };
  urgency: number;
  secrecy: number;
  pages: number | null;
  recipients: Recipient[];
  dueDate: string | null;
  fields: string[];
  referencedCodes: string[];
  references: { code: string; kind?: string; issuer?: { unitCode?: string; name?: string } }[];
  status: string;
  source: string;
  series: string | null;
  legalNormative: boolean;
  duplicateOf: string | null;
  sourceDocumentId: string | null;
  correctsId: string | null;
  formatCheckerId: string | null;
  contentCheckedBy: string | null;
  formatCheckedBy: string | null;
  version: number;
  createdAt: string;
  files: DocumentFile[];
}

export interface DocRow {
  id: string;
  direction: 'in' | 'out';
  register_unit_id: string;
  issuer_unit_id: string | null;
  issuer_name: string;
  drafting_unit_id: string | null;
  number: number | null;
  notation: string | null;
  code: string | null;
  issued_date: string | null;
  type: string;
  subject: string;
  body: string;
  signer_form: string | null;
  signer_position: string | null;
  signer_name: string | null;
  signer_user_id: string | null;
  urgency: number;
  secrecy: number;
  pages: number | null;
  recipients: Recipient[];
  due_date: string | null;
  field_codes: string[];
  referenced_codes: string[];
  references_json?: { code: string; kind?: string; issuer?: { unitCode?: string; name?: string } }[];
  year: number;
  arrival_number: number | null;
  arrival_date: string | null;
  series: string | null;
  legal_normative: boolean;
  status: string;
  source: string;
  duplicate_of: string | null;
  source_document_id: string | null;
  corrects_id: string | null;
  format_checker_id: string | null;
  content_checked_by: string | null;
  format_checked_by: string | null;
  version: number;
  created_at: Date;
}

/** Every column but the large text ones, which lists never need. */
export const DOC_COLUMNS = `d.id, d.direction, d.register_unit_id, d.issuer_unit_id, d.issuer_name, d.drafting_unit_id,
  d.number, d.notation, d.code, d.issued_date, d.type, d.subject, d.body, d.signer_form, d.signer_position,
  d.signer_name, d.signer_user_id, d.urgency, d.secrecy, d.pages, d.recipients, d.due_date, d.field_codes,
  d.referenced_codes, d.references_json, d.year, d.arrival_number, d.arrival_date, d.series, d.legal_normative, d.status, d.source,
  d.duplicate_of, d.source_document_id, d.corrects_id, d.format_checker_id, d.content_checked_by,
  d.format_checked_by, d.version, d.created_at`;

export function toView(r: DocRow, files: DocumentFile[] = []): DocumentView {
  return {
    id: r.id,
    direction: r.direction,
    registerUnitId: r.register_unit_id,
    year: r.year,
    arrivalNumber: r.arrival_number,
    arrivalDate: r.arrival_date,
    number: r.number,
    notation: r.notation,
    code: r.code,
    issuer: { unitId: r.issuer_unit_id, name: r.issuer_name },
    draftingUnitId: r.drafting_unit_id,
    issuedDate: r.issued_date,
    type: r.type,
    typeName: typeName(r.type),
    subject: r.subject,
    body: r.body,
    signer: { form: r.signer_form, position: r.signer_position, name: r.signer_name, userId: r.signer_user_id },
    urgency: r.urgency,
    secrecy: r.secrecy,
    pages: r.pages,
    recipients: r.recipients,
    dueDate: r.due_date,
    fields: r.field_codes,
    referencedCodes: r.referenced_codes,
    references: r.references_json ?? [],
    status: r.status,
    source: r.source,
    series: r.series,
    legalNormative: r.legal_normative,
    duplicateOf: r.duplicate_of,
    sourceDocumentId: r.source_document_id,
    correctsId: r.corrects_id,
    formatCheckerId: r.format_checker_id,
    contentCheckedBy: r.content_checked_by,
    formatCheckedBy: r.format_checked_by,
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
    files,
  };
}

export async function filesOf(q: Queryable, documentId: string): Promise<DocumentFile[]> {
  return q.query<DocumentFile>(
    `SELECT f.sha256, f.name, f.kind, s.mime, s.size FROM document_files f JOIN stored_files s ON s.sha256 = f.sha256
     WHERE f.document_id = $1 ORDER BY f.created_at, f.name`,
    [documentId],
  );
}

/**
 * Loads a document for a viewer. An invisible document answers 404, not 403, so its
 * existence does not leak. `forUpdate` locks the row for a state change.
 */
export async function loadDocument(q: Queryable, v: Viewer, id: string, forUpdate = false): Promise<DocumentView> {
  const r = (
    await q.query<DocRow>(`SELECT ${DOC_COLUMNS} FROM documents d WHERE d.id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [
      id,
    ])
  )[0];
  if (!r || !canSee(v, { secrecy: r.secrecy, registerUnitId: r.register_unit_id, issuerUnitId: r.issuer_unit_id })) {
    throw notFound('văn bản');
  }
  return toView(r, await filesOf(q, id));
}

/** The text a search matches: subject, code, issuer, signer and full text, folded. */
export function searchTextOf(d: {
  subject: string;
  code?: string | null;
  issuerName: string;
  signerName?: string | null;
  fullText?: string;
  body?: string;
  referencedCodes?: string[];
}): string {
  const parts = [
    d.subject,
    d.code ?? '',
    d.issuerName,
    d.signerName ?? '',
    (d.referencedCodes ?? []).join(' '),
    d.body ?? '',
    d.fullText ?? '',
  ];
  // The same text as folding the parts joined by spaces, the first SEARCH_TEXT_MAX characters of
  // them. Folded part by part because registration folds the subject, the code and the issuer's
  // name again (code_norm, routing's facts, the sender's level), and foldVietnamese remembers
  // recent short strings: those folds are then looked up, not redone.
  let out = '';
  let left = SEARCH_TEXT_MAX;
  for (const p of parts) {
    if (left <= 0) break;
    const f = foldVietnamese(p.length > left ? p.slice(0, left) : p);
    left -= p.length + 1;
    if (f) out = out ? `${out} ${f}` : f;
  }
  return out;
}

const SEARCH_TEXT_MAX = 200_000;

export function stateError(code: string, params: Record<string, string | number> = {}): AppError {
  return new AppError(code, 409, undefined, params);
}
