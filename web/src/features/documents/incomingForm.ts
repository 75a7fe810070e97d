import type { Extraction, IncomingInput, ReferenceKind, SigningForm, Unit } from '../../api/types';
import { SIGNING_FORMS } from '../../api/types';
import { fold } from '../../lib/text';

/** Select value standing for the empty signing form '' (Mantine selects need a non-empty value). */
export const NO_FORM = 'none';

export interface IncomingForm {
  issuer: string;
  number: string;
  notation: string;
  issuedDate: string;
  type: string | null;
  subject: string;
  signerForm: string | null;
  signerPosition: string;
  signerName: string;
  urgency: string;
  secrecy: string;
  pages: string;
  recipients: string;
  dueDate: string;
  fields: string[];
  references: ReferenceRow[];
}

/** A document the incoming one cites (văn bản dẫn chiếu): its number, issuer and kind. */
export interface ReferenceRow {
  code: string;
  issuer: string;
  kind: ReferenceKind;
}

export const EMPTY_REFERENCE: ReferenceRow = { code: '', issuer: '', kind: 'other' };

export type FormKey = keyof IncomingForm;

export const FORM_KEYS: readonly FormKey[] = [
  'issuer',
  'number',
  'notation',
  'issuedDate',
  'type',
  'subject',
  'signerForm',
  'signerPosition',
  'signerName',
  'urgency',
  'secrecy',
  'pages',
  'recipients',
  'dueDate',
  'fields',
  'references',
];

export const EMPTY_FORM: IncomingForm = {
  issuer: '',
  number: '',
  notation: '',
  issuedDate: '',
  type: null,
  subject: '',
  signerForm: null,
  signerPosition: '',
  signerName: '',
  urgency: '0',
  secrecy: '0',
  pages: '',
  recipients: '',
  dueDate: '',
  fields: [],
  references: [],
};

const URGENCY_WORDS = ['thuong', 'khan', 'thuong khan', 'hoa toc', 'hoa toc hen gio'];
const SECRECY_WORDS = ['thuong', 'mat', 'toi mat', 'tuyet mat'];

function levelOf(value: unknown, words: string[]): number | null {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < words.length) return value;
  if (typeof value !== 'string') return null;
  const k = fold(value).trim().replace(/\s+/g, ' ');
  const i = words.indexOf(k);
  return i >= 0 ? i : null;
}

/**
 * "KT. CHỦ TỊCH" → "KT."; "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH" → "KT." (the signer's own
 * form is the last level); a signing block without a prefix → NO_FORM.
 */
export function signingFormOf(value: unknown): string | null {
  if (typeof value !== 'string' || !value.trim()) return null;
  const parts = value.split('/').map((p) => p.trim());
  const last = parts[parts.length - 1] ?? '';
  const m = /^(TM|KT|TL|Q|TUQ)\s*\./i.exec(last);
  if (!m) return NO_FORM;
  const form = `${m[1]!.toUpperCase()}.`;
  return (SIGNING_FORMS as readonly string[]).includes(form) ? form : NO_FORM;
}

function numberText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return String(Number(value.trim()));
  if (value && typeof value === 'object') {
    const v = value as { numeric?: unknown; text?: unknown };
    if (typeof v.numeric === 'number' && Number.isFinite(v.numeric)) return String(v.numeric);
    if (typeof v.text === 'string') return numberText(v.text);
  }
  return null;
}

const strOrNull = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const listOf = (v: unknown): string[] | null =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && !!x.trim()) : null;

export interface Prefill {
  values: Partial<IncomingForm>;
  confidence: Partial<Record<FormKey, number>>;
  /** What was read for a field the extractor refused (e.g. an impossible date), for the clerk to fix. */
  unreadable: Partial<Record<FormKey, string>>;
}

/** Extractor fields that fill one form field each. */
const FIELD_OF: Partial<Record<string, FormKey>> = {
  issuer: 'issuer',
  number: 'number',
  notation: 'notation',
  issuedDate: 'issuedDate',
  type: 'type',
  subject: 'subject',
  signingForm: 'signerForm',
  signerPosition: 'signerPosition',
  signerName: 'signerName',
};

/** Turns the extractor's answer into form values with their confidence. Never invents a value. */
export function prefillFromExtraction(x: Extraction, typeCodes: readonly string[]): Prefill {
  const values: Partial<IncomingForm> = {};
  const confidence: Partial<Record<FormKey, number>> = {};
  const put = <K extends FormKey>(key: K, value: IncomingForm[K] | null, conf: number | undefined) => {
    if (value === null || (Array.isArray(value) && value.length === 0)) return;
    values[key] = value;
    confidence[key] = typeof conf === 'number' ? Math.max(0, Math.min(1, conf)) : 0;
  };
  const f = x.fields ?? {};
  put('issuer', strOrNull(f.issuer?.value), f.issuer?.confidence);
  put('number', numberText(f.number?.value), f.number?.confidence);
  put('notation', strOrNull(f.notation?.value), f.notation?.confidence);
  const date = strOrNull(f.issuedDate?.value);
  put('issuedDate', date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null, f.issuedDate?.confidence);
  const type = strOrNull(f.type?.value);
  put('type', type && typeCodes.includes(type) ? type : null, f.type?.confidence);
  put('subject', strOrNull(f.subject?.value), f.subject?.confidence);
  put('signerForm', signingFormOf(f.signingForm?.value), f.signingForm?.confidence);
  put('signerPosition', strOrNull(f.signerPosition?.value), f.signerPosition?.confidence);
  put('signerName', strOrNull(f.signerName?.value), f.signerName?.confidence);
  const recipients = listOf(f.recipients?.value);
  put('recipients', recipients && recipients.length ? recipients.join('\n') : null, f.recipients?.confidence);
  const codes = listOf(f.referencedCodes?.value);
  put(
    'references',
    codes ? codes.map((code) => ({ ...EMPTY_REFERENCE, code: code.trim() })) : null,
    f.referencedCodes?.confidence,
  );
  const u = levelOf(f.urgency?.value, URGENCY_WORDS);
  put('urgency', u === null ? null : String(u), f.urgency?.confidence);
  const s = levelOf(f.secrecy?.value, SECRECY_WORDS);
  put('secrecy', s === null ? null : String(s), f.secrecy?.confidence);
  const unreadable: Partial<Record<FormKey, string>> = {};
  for (const [name, field] of Object.entries(f)) {
    const key = FIELD_OF[name];
    if (key && !(key in values) && field && typeof field.raw === 'string' && field.raw.trim()) {
      unreadable[key] = field.raw.trim();
    }
  }
  return { values, confidence, unreadable };
}

/** A unit whose name, short name or code matches what was typed (case and diacritics ignored). */
export function matchUnit(text: string, units: readonly Unit[]): Unit | null {
  const k = fold(text).trim().replace(/\s+/g, ' ');
  if (!k) return null;
  return units.find((u) => fold(u.name).replace(/\s+/g, ' ') === k) ?? units.find((u) => fold(u.code) === k) ?? null;
}

export type FormErrors = Partial<Record<FormKey, string>>;

/** Client-side checks mirroring IncomingIn; messages come from `msg`. */
export function validateIncoming(
  v: IncomingForm,
  msg: { required: (k: FormKey) => string; subjectShort: string; notation: string; referenceShort: string },
): FormErrors {
  const e: FormErrors = {};
  if (v.issuer.trim().length < 2) e.issuer = msg.required('issuer');
  if (!v.issuedDate) e.issuedDate = msg.required('issuedDate');
  if (!v.type) e.type = msg.required('type');
  if (!v.subject.trim()) e.subject = msg.required('subject');
  else if (v.subject.trim().length < 3) e.subject = msg.subjectShort;
  if (v.notation.trim() && !/^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*$/u.test(v.notation.trim())) e.notation = msg.notation;
  if (v.references.some((r) => r.code.trim() && r.code.trim().length < 3)) e.references = msg.referenceShort;
  return e;
}

export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** The IncomingIn body for the form's values. */
export function toIncomingInput(v: IncomingForm, units: readonly Unit[]): IncomingInput {
  const unit = matchUnit(v.issuer, units);
  const signerForm = v.signerForm === NO_FORM ? '' : (v.signerForm ?? undefined);
  const signer = {
    form: signerForm as SigningForm | undefined,
    position: v.signerPosition.trim() || undefined,
    name: v.signerName.trim() || undefined,
  };
  const hasSigner = signer.form !== undefined || signer.position || signer.name;
  return {
    issuer: unit ? { unitCode: unit.code, name: unit.name } : { name: v.issuer.trim() },
    number: v.number.trim() ? Number(v.number.trim()) : null,
    notation: v.notation.trim() || null,
    issuedDate: v.issuedDate,
    type: v.type ?? '',
    subject: v.subject.trim(),
    signer: hasSigner ? signer : undefined,
    urgency: Number(v.urgency) || 0,
    secrecy: Number(v.secrecy) || 0,
    pages: v.pages.trim() ? Number(v.pages.trim()) : undefined,
    recipients: lines(v.recipients),
    dueDate: v.dueDate || undefined,
    fields: v.fields,
    references: toReferences(v.references, units),
  };
}

/** The rows with a number, each with its issuer as a unit code when the name is known. */
export function toReferences(rows: readonly ReferenceRow[], units: readonly Unit[]): IncomingInput['references'] {
  return rows
    .filter((r) => r.code.trim())
    .map((r) => {
      const unit = matchUnit(r.issuer, units);
      const issuer = unit ? { unitCode: unit.code } : r.issuer.trim() ? { name: r.issuer.trim() } : undefined;
      return { code: r.code.trim(), ...(issuer ? { issuer } : {}), kind: r.kind };
    });
}

/**
 * The body of the route preview: null until issuer, issued date, type and subject are there. Only
 * what routing reads is sent, so a half-typed number or signer cannot make the preview fail.
 */
export function previewInput(v: IncomingForm, units: readonly Unit[], text?: string): IncomingInput | null {
  if (v.issuer.trim().length < 2 || !v.issuedDate || !v.type || v.subject.trim().length < 3) return null;
  const full = toIncomingInput(v, units);
  return {
    issuer: full.issuer,
    issuedDate: full.issuedDate,
    type: full.type,
    subject: full.subject,
    urgency: full.urgency,
    secrecy: full.secrecy,
    fields: full.fields,
    references: (full.references ?? []).filter((r) => r.code.length >= 3),
    ...(full.dueDate ? { dueDate: full.dueDate } : {}),
    ...(text ? { text } : {}),
  };
}

/** Maps a server error path ("issuer.name", "signer.form", "body.subject") onto a form field. */
export function formKeyOfPath(path: string | undefined): FormKey | null {
  if (!path) return null;
  const parts = path.split('.').filter((p) => p !== 'body' && p !== 'data');
  const [head, sub] = parts;
  if (head === 'signer') {
    if (sub === 'form') return 'signerForm';
    if (sub === 'position') return 'signerPosition';
    if (sub === 'name') return 'signerName';
    return 'signerName';
  }
  if (head === 'issuer') return 'issuer';
  if (head === 'referencedCodes') return 'references';
  return FORM_KEYS.find((k) => k === head) ?? null;
}
