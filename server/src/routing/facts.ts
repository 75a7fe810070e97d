import { foldVietnamese } from '../platform/text.js';
import type { CompetenceLevel, RequestKind, SenderLevel } from './policy.js';

/** One line of the competence catalogue: who decides a kind of matter in a field. */
export interface CompetenceEntry {
  id: string;
  field: string;
  /** Folded phrases that identify the matter; empty = the field's default. */
  matter: string[];
  requestKinds: RequestKind[];
  level: CompetenceLevel;
  /** Agency (unit code) that advises the PPC on it, when the PPC decides. */
  adviceAgency: string | null;
  basis: string;
  guidance: string;
}

export interface Reference {
  code: string;
  issuerName?: string | null;
  kind?: 'advice' | 'response' | 'other';
}

export interface DocumentForRouting {
  issuer: {
    unitId: string | null;
    unitCode?: string | null;
    name: string;
    level?: string | null;
    areaCode?: string | null;
  };
  type: string;
  subject: string;
  text?: string;
  fields?: string[];
  urgency?: number;
  secrecy?: number;
  references?: Reference[];
  referencedCodes?: string[];
  dueDate?: string | null;
  /** The date whose assignments apply: the arrival date, or today for a preview. */
  date: string;
}

export interface Facts {
  senderLevel: SenderLevel;
  senderUnitCode: string | null;
  senderArea: string | null;
  type: string;
  fields: string[];
  urgency: number;
  secrecy: number;
  folded: string;
  requestKind: RequestKind;
  hasAdvice: boolean;
  adviceEvidence: string | null;
  isResponse: boolean;
  competence: CompetenceEntry | null;
}

/** Who sent it, when the issuer is free text: by the name's form. */
export function senderLevelOf(name: string, unitLevel?: string | null): SenderLevel {
  if (unitLevel === 'commune') return 'commune';
  if (unitLevel === 'agency') return 'agency';
  if (unitLevel === 'province' || unitLevel === 'office' || unitLevel === 'department') return 'province';
  // The same senders write again and again; their names are read once (a small memo, cleared when full).
  let level = levelByName.get(name);
  if (level === undefined) {
    level = levelFromName(foldVietnamese(name));
    if (levelByName.size >= 2000) levelByName.clear();
    levelByName.set(name, level);
  }
  return level;
}

const levelByName = new Map<string, SenderLevel>();

function levelFromName(f: string): SenderLevel {
  if (/^(ubnd|uy ban nhan dan) (xa|phuong|dac khu)\b/.test(f) || /^(xa|phuong|dac khu) /.test(f)) return 'commune';
  if (/^(so|ban quan ly|thanh tra tinh|cong an tinh|bo chi huy)\b/.test(f)) return 'agency';
  if (
    /^(bo|van phong chinh phu|thu tuong|chinh phu|quoc hoi|uy ban thuong vu|van phong trung uong|toa an nhan dan toi cao|kiem toan nha nuoc)\b/.test(
      f,
    )
  )
    return 'central';
  if (/^(cong ty|tap doan|doanh nghiep|hop tac xa|ngan hang)\b/.test(f) || /\b(tnhh|co phan)\b/.test(f))
    return 'business';
  if (/^(ong|ba|cong dan|ho gia dinh)\b/.test(f)) return 'citizen';
  return 'other';
}

/**
 * The kind of request, from the type and the wording of the subject. A Tờ trình asks for a
 * decision; a report that also "đề nghị" something is a request, not information.
 */
export function requestKindOf(type: string, foldedSubject: string): RequestKind {
  const s = foldedSubject;
  if (/xin chu truong/.test(s)) return 'xin_chu_truong';
  if (/xin y kien|lay y kien|gop y/.test(s)) return 'xin_y_kien';
  if (type === 'GM' || /\bmoi (hop|du|tham du)\b|giay moi/.test(s)) return 'moi_hop';
  if (type === 'TTr' || /\bde nghi\b|\bkien nghi\b|\bxin\b|\bdenghi\b|\bde xuat\b/.test(s)) return 'de_nghi';
  if (type === 'BC' || /^(v\/v )?bao cao\b|\bbao cao (ket qua|tinh hinh|tien do)/.test(s)) return 'bao_cao';
  if (['TB', 'TC', 'KH', 'CTr', 'HD', 'NQ', 'QĐ', 'CT'].includes(type) || /\bde biet\b|\bthong bao\b/.test(s))
    return 'de_biet';
  return 'khac';
}

// Wording that states an agency's advice is already given (not a request for one):
// "căn cứ ý kiến thẩm định của Sở …", "kết quả thẩm định tại văn bản số …", "đã được Sở … thẩm định".
const ADVICE_RES = [
  /(can cu|theo|tren co so|xet) (y kien|ket qua|van ban|bao cao) (tham dinh|tham muu|gop y)/,
  /(y kien|ket qua|bao cao) tham dinh (cua|tai)/,
  /da (duoc )?(so|co quan chuyen mon)[^.]{0,60}(tham dinh|co y kien|tham muu)/,
  /(tham dinh|tham muu) cua (so|ban quan ly|thanh tra)[^.]{0,80}tai (van ban|cong van|bao cao) so/,
];

export function adviceInText(folded: string): string | null {
  for (const re of ADVICE_RES) {
    const m = re.exec(folded);
    if (m) return m[0];
  }
  return null;
}

/** First catalogue entry of the field whose matter phrases appear; else the field's default entry. */
export function matchCompetence(
  entries: readonly CompetenceEntry[],
  fields: readonly string[],
  kind: RequestKind,
  folded: string,
): CompetenceEntry | null {
  const byField = prepared(entries);
  for (const field of fields) {
    const inField = byField.get(field);
    if (!inField) continue;
    for (const { entry, matter } of inField) {
      if (matter.length > 0 && appliesTo(entry, kind) && matter.some((m) => folded.includes(m))) return entry;
    }
    for (const { entry, matter } of inField) if (matter.length === 0 && appliesTo(entry, kind)) return entry;
  }
  return null;
}

const appliesTo = (e: CompetenceEntry, kind: RequestKind) =>
  e.requestKinds.length === 0 || e.requestKinds.includes(kind);

type PreparedCatalogue = Map<string, { entry: CompetenceEntry; matter: string[] }[]>;
const preparedCatalogues = new WeakMap<readonly CompetenceEntry[], PreparedCatalogue>();

/** A catalogue grouped by field with its matter phrases folded, once per loaded catalogue: every registration matches against it. */
function prepared(entries: readonly CompetenceEntry[]): PreparedCatalogue {
  let p = preparedCatalogues.get(entries);
  if (!p) {
    p = new Map();
    for (const entry of entries) {
      const list = p.get(entry.field) ?? [];
      list.push({ entry, matter: entry.matter.map(foldVietnamese) });
      p.set(entry.field, list);
    }
    preparedCatalogues.set(entries, p);
  }
  return p;
}

export function buildFacts(
  d: DocumentForRouting,
  fields: string[],
  catalogue: readonly CompetenceEntry[],
  ourCodes: ReadonlySet<string>,
): Facts {
  const foldedSubject = foldVietnamese(d.subject);
  const folded = d.text ? foldVietnamese(`${d.subject}\n${d.text}`) : foldedSubject;
  const requestKind = requestKindOf(d.type, foldedSubject);
  const advRef = (d.references ?? []).find((r) => r.kind === 'advice');
  const adviceEvidence = advRef ? `văn bản ${advRef.code}` : adviceInText(folded);
  const refCodes = [...(d.references ?? []).map((r) => r.code), ...(d.referencedCodes ?? [])].map(foldVietnamese);
  const isResponse = (d.references ?? []).some((r) => r.kind === 'response') || refCodes.some((c) => ourCodes.has(c));
  return {
    senderLevel: senderLevelOf(d.issuer.name, d.issuer.level),
    senderUnitCode: d.issuer.unitCode ?? null,
    senderArea: d.issuer.areaCode ?? null,
    type: d.type,
    fields,
    urgency: d.urgency ?? 0,
    secrecy: d.secrecy ?? 0,
    folded,
    requestKind,
    hasAdvice: adviceEvidence !== null,
    adviceEvidence,
    isResponse,
    competence: matchCompetence(catalogue, fields, requestKind, folded),
  };
}
