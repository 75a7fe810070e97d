/**
 * Reads the metadata of a Vietnamese administrative document from its text, so that a clerk
 * registering an incoming document (NĐ 30/2020/NĐ-CP, Điều 22: đăng ký văn bản đến) gets the
 * form pre-filled. Pure: no I/O. The text may come from a digital file or from OCR, so every
 * keyword is matched on a diacritic-free ("folded") copy and the value is sliced from the
 * original, keeping its diacritics.
 *
 * The layout follows NĐ 30/2020/NĐ-CP, Phụ lục I (thể thức và kỹ thuật trình bày văn bản
 * hành chính): Quốc hiệu and Tiêu ngữ top right, agency name top left (parent agency line above
 * the issuing agency), "Số: 15/QĐ-UBND" under the agency name, "Quảng Ngãi, ngày 06 tháng 01
 * năm 2026" under the Tiêu ngữ, the type name and trích yếu centred below (công văn: "V/v …"
 * under the số), then the body, and at the end "Nơi nhận:" bottom left and the signing block
 * bottom right (quyền hạn "TM./KT./TL./TUQ./Q.", chức vụ, chữ ký, họ tên).
 */
import { DOC_TYPES, type DocTypeCode } from './doc-types.ts';
import { collapse, fold, isSyllable, isUpperText, key, readableName, titleCase, upperRatio } from './vn-text.ts';

export type { DocTypeCode } from './doc-types.ts';

/** One extracted value. `value` is null when the field was not found or not trustworthy. */
export interface Field<T> {
  value: T | null;
  /** 0..1: how sure the extractor is of `value` (0 when value is null). */
  confidence: number;
  /** Why a value is missing or doubtful, e.g. DATE_INVALID, DATE_FROM_BODY, NUMBER_BLANK. */
  flags?: string[];
  /** The text the value was read from, when it differs from the value. */
  raw?: string;
}

export interface DocNumber {
  /** As printed, leading zero kept: "05". */
  text: string;
  numeric: number;
  /** Year group of legal normative documents: "12/2025/NQ-HĐND" → 2025. */
  year: number | null;
}

export type Urgency = 'Khẩn' | 'Thượng khẩn' | 'Hỏa tốc' | 'Hỏa tốc hẹn giờ';
export type Secrecy = 'Mật' | 'Tối mật' | 'Tuyệt mật';

export interface Extraction {
  /** Readable name of the issuing body: "Ủy ban nhân dân tỉnh Quảng Ngãi", "Văn phòng UBND tỉnh Quảng Ngãi". */
  issuer: Field<string>;
  /** Readable name of the parent body line, when printed ("UBND tỉnh Quảng Ngãi" above "VĂN PHÒNG"). */
  issuerParent: Field<string>;
  number: Field<DocNumber>;
  /** Ký hiệu: "QĐ-UBND", "UBND-KT", "VPCP-TTĐT". */
  notation: Field<string>;
  place: Field<string>;
  /** YYYY-MM-DD. */
  issuedDate: Field<string>;
  type: Field<DocTypeCode>;
  /** Trích yếu; for công văn the "V/v …" line(s). */
  subject: Field<string>;
  /** "TL. CHỦ TỊCH"; several levels joined by " / ": "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH". */
  signingForm: Field<string>;
  signerPosition: Field<string>;
  signerName: Field<string>;
  recipients: Field<string[]>;
  referencedCodes: Field<string[]>;
  urgency: Field<Urgency>;
  secrecy: Field<Secrecy>;
  warnings: { field: keyof Omit<Extraction, 'warnings'>; code: string; detail?: string }[];
}

// ───────────────────────────── text model ─────────────────────────────

interface Piece {
  text: string;
  /** Line index in the normalised text. */
  line: number;
  /** Column where the piece starts in its line (two-column layouts typed as text). */
  start: number;
  /** True when the line had more than one piece or the piece starts far right. */
  right: boolean;
}

/** Cleans the text: NFC, markdown emphasis, footnote marks, look-alike characters. */
export function normalizeText(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      .replace(/\t/g, '    ')
      .replace(/[\u00a0\u2007\u202f]/g, ' ')
      .replace(/[\u200b-\u200d\ufeff]/g, '')
      // OCR and some fonts give the Icelandic eth for the Vietnamese Đ.
      .replace(/Ð/g, 'Đ')
      .replace(/ð/g, 'đ')
      // Footnote marks: ⁽¹⁾, ¹, ².
      .replace(/[⁽⁾⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, '')
      // Markdown: **bold**, __bold__, *italic*, subscript _{X}, headings.
      .replace(/\*\*|__/g, '')
      .replace(/(^|[\s(])\*([^*\n]+)\*(?=[\s).,;:]|$)/gm, '$1$2')
      .replace(/_\{([^}\n]*)\}/g, '($1)')
      .replace(/^#{1,6}\s+/gm, '')
  );
}

// Quốc hiệu and Tiêu ngữ (Phụ lục I, mục 1), tolerant of OCR: "NGHĨA.VIỆT", "tiậc lập - 'Lự de - Hạnh nhắc".
const QUOC_HIEU =
  /C[O0]NG[\s.,_-]*H[O0]A[\s.,_-]*X[A][\s.,_-]*H[O0]I[\s.,_-]*CH[U][\s.,_-]*NGH[I1l]A[\s.,_-]*V[I1l]E[T][\s.,_-]*N[A]M/i;
const TIEU_NGU = /\S*[OA0]C\s*L[AE]P\b.{0,20}?NH\s*[PN]H\S{0,2}C\b/i;
const SO_LABEL = /(?:^|\s)S[o06e]\s*[:;]\s*(?=[0-9OoIl]{0,5}\s*\/)|(?:^|\s)So\s+(?=\d{1,5}\s*\/)/i;
// OCR reads "tháng" as "thống", "thảng": any vowel between th and ng.
const DATE_CORE = /ng[a-z]y\s*([0-9OoIl]{1,2})\s*th[a-z]{1,2}ng\s*([0-9OoIl]{1,2})\s*n[a-z]m\s*([0-9OoIl]{4})/i;
const NOI_NHAN = /N[o0]i\s*nh[a]n\s*[:;.]?/i;
const SIG_FORM = /^(TM|KT|TL|TUQ|Q)\s*[.,:;]\s*(\S.*)$/u;
const BULLET = /^(?:[-–—~+•*]\s*)+/;
const SEP = /^[\s\-_–—=~.*·•‒]+$/;
const SIGNED_NOTE = /^\(?\s*(?:đã\s*k\S*|da\s*ky|ký|ky|ký tên|ký, đóng dấu|ký, ghi rõ họ tên)[^)]*\)?$/i;

function isMotto(s: string): boolean {
  const f = fold(s);
  return QUOC_HIEU.test(f) || TIEU_NGU.test(f);
}

/** Splits one column segment further where OCR has merged the two columns of a header or signature. */
function splitPiece(text: string): string[] {
  const t = text.trim();
  if (!t) return [];
  const f = fold(t);
  const parts = (i: number, j = i) => [...splitPiece(t.slice(0, i)), ...splitPiece(t.slice(j))];
  for (const re of [QUOC_HIEU, TIEU_NGU]) {
    const m = re.exec(f);
    if (m && (m.index > 0 || m[0].length < t.length)) {
      return [
        ...splitPiece(t.slice(0, m.index)),
        t.slice(m.index, m.index + m[0].length),
        ...splitPiece(t.slice(m.index + m[0].length)),
      ];
    }
  }
  // "… Số: 15/QĐ-UBND …": the number starts its own piece and ends after the code.
  const so = SO_LABEL.exec(f);
  if (so) {
    const at = so.index + (so[0].startsWith(' ') ? 1 : 0);
    if (at > 0) return parts(at);
    const code = /^\S+\s*[:;]?\s*[0-9OoIl]{0,5}\s*\/\s*(?:\d{4}\s*\/\s*)?[\p{L}\d]+(?:\s*-\s*[\p{L}\d]+)*/u.exec(t);
    if (code && code[0].length < t.length) return [code[0], ...splitPiece(t.slice(code[0].length))];
  }
  // "<words> Quảng Ngãi, ngày 06 tháng 01 năm 2026": the place starts the date piece.
  const d = DATE_CORE.exec(f);
  if (d && d.index > 0) {
    let i = d.index;
    const before = t.slice(0, i).replace(/[\s,.]+$/, '');
    const words = before.split(/\s+/).filter(Boolean);
    let k = words.length;
    while (k > 0 && words.length - k < 5) {
      const w = words[k - 1]!;
      if (!/^\p{Lu}/u.test(w) || (isUpperText(w) && w.length > 1)) break;
      k--;
    }
    const placeWords = words.slice(k);
    if (placeWords.length > 0 || words.length === 0) {
      const placeStart = placeWords.length ? before.lastIndexOf(placeWords.join(' ')) : 0;
      i = placeStart >= 0 ? placeStart : i;
      if (i > 0 && t.slice(0, i).trim()) return parts(i);
    }
  }
  // "Nơi nhận:" starts a piece and ends one.
  const nn = NOI_NHAN.exec(f);
  if (nn) {
    if (nn.index > 0 && t.slice(0, nn.index).trim()) return parts(nn.index);
    const end = nn[0].length;
    if (end < t.length && t.slice(end).trim()) return [t.slice(0, end), ...splitPiece(t.slice(end))];
  }
  // "- Như trên; TL. CHỦ TỊCH": a signing form after a recipient.
  const sf = /(\s)(TM|KT|TL|TUQ|Q)\s*[.,:]\s*(?=\p{Lu}{2})/u.exec(t);
  if (sf && sf.index > 0 && isUpperText(t.slice(sf.index))) return parts(sf.index + 1);
  // "- Lưu: VT, KT. PHÓ CHỦ TỊCH": capitals after the end of a recipient.
  const caps = /[;.:]\s+((?:[\p{Lu}Đ][\p{Lu}Đ.]*\s+)+[\p{Lu}Đ][\p{Lu}Đ.]*)$/u.exec(t);
  if (caps && isUpperText(caps[1]!) && hasWord(caps[1]!)) {
    const at = t.length - caps[1]!.length;
    const pre = t.slice(0, at);
    if (at > 0 && !isUpperText(pre) && !/^\s*(TM|KT|TL|TUQ|Q)\s*[.,:]?\s*$/.test(pre)) return parts(at);
  }
  // "- UBND tỉnh (b/c PHÓ GIÁM ĐỐC": a known position glued to a recipient without punctuation.
  const tailCaps = /\s((?:[\p{Lu}Đ]{2,}\s+){1,4}[\p{Lu}Đ]{2,})$/u.exec(t);
  if (tailCaps && isPositionLine(tailCaps[1]!)) {
    const pre = t.slice(0, tailCaps.index);
    if (!isUpperText(pre) && !/^\s*(TM|KT|TL|TUQ|Q)\s*[.,:]?\s*$/.test(pre)) return parts(tailCaps.index + 1);
  }
  // "- Lưu: VT. Nguyễn Quốc Việt": a name after the end of a recipient.
  const nm = /[;.:]\s+((?:\p{Lu}\p{Ll}*\s+){1,4}\p{Lu}\p{Ll}+)\s*$/u.exec(t);
  if (nm && isNameLike(nm[1]!)) return parts(t.length - nm[1]!.length);
  const signed = /\s\(\s*(?:da\s*k|ky\b)/i.exec(f);
  if (signed && signed.index > 0) return parts(signed.index + 1);
  return [t];
}

export function buildPieces(text: string): { lines: string[]; pieces: Piece[] } {
  const lines = text.split('\n');
  const pieces: Piece[] = [];
  lines.forEach((line, li) => {
    const segs: { text: string; start: number }[] = [];
    const re = /\S+(?: {1,2}\S+)*/g;
    for (let m = re.exec(line); m; m = re.exec(line)) segs.push({ text: m[0], start: m.index });
    // "Số:      /QĐ-UBND" (number left blank) must not fall apart into two columns.
    for (let k = 0; k + 1 < segs.length; k++) {
      if (/^S\S{0,2}\s*:$/.test(segs[k]!.text) && /^\//.test(segs[k + 1]!.text)) {
        segs[k] = { text: `${segs[k]!.text} ${segs[k + 1]!.text}`, start: segs[k]!.start };
        segs.splice(k + 1, 1);
      }
    }
    for (const s of segs) {
      for (const p of splitPiece(s.text)) {
        pieces.push({ text: p, line: li, start: s.start, right: segs.length > 1 ? s !== segs[0] : s.start >= 24 });
      }
    }
  });
  return { lines, pieces };
}

// ───────────────────────────── helpers ─────────────────────────────

/** Has a real word of three letters or more ("CHỦ", "GIÁM"), not only abbreviations ("VT, KT"). */
function hasWord(s: string): boolean {
  return s.split(/[^\p{L}]+/u).some((w) => w.length >= 3 && isSyllable(w));
}

function isNameLike(s: string): boolean {
  const words = collapse(s.replace(/[.,;:]+$/, '')).split(' ');
  if (words.length < 2 || words.length > 5) return false;
  if (!words.every((w) => /^\p{Lu}\p{Ll}*$/u.test(w))) return false;
  // Ethnic minority names may start with a one-letter word: "A Tuấn", "Y Ngọc".
  if (words.filter((w) => w.length >= 2).length < 1 || words.filter((w) => w.length === 1).length > 1) return false;
  const k = key(s);
  return !/^(NOI NHAN|KINH GUI|NHU TREN|LUU|CAN CU|DIEU|SO|NGAY)\b/.test(k);
}

const digits = (s: string) => s.replace(/[Oo]/g, '0').replace(/[Il]/g, '1');

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1945 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Whether the folded text still equals the original: diacritics present means cleaner text. */
const hasDiacritics = (s: string) => fold(s) !== s;

const none = <T>(flags?: string[]): Field<T> =>
  flags ? { value: null, confidence: 0, flags } : { value: null, confidence: 0 };

/** OCR confusions inside notations where only one reading is a real abbreviation (NĐ 30, Phụ lục III). */
const NOTATION_FIX: Record<string, string> = {
  QD: 'QĐ',
  CD: 'CĐ',
  QYD: 'QyĐ',
  ND: 'NĐ',
  HDND: 'HĐND',
  TTR: 'TTr',
  CTR: 'CTr',
  TTG: 'TTg',
  TTDT: 'TTĐT',
};

export function normalizeNotation(raw: string): string {
  return raw
    .replace(/\s+/g, '')
    .split('-')
    .filter(Boolean)
    .map((g) => {
      const fix = NOTATION_FIX[fold(g).toUpperCase()];
      return fix && g !== fix && !/[a-z]/.test(g.slice(1).replace(/y|r|g/g, '')) ? fix : g;
    })
    .join('-');
}

const TYPE_BY_KEY = new Map<string, DocTypeCode>(
  DOC_TYPES.filter((t) => t.code !== 'CV').map((t) => [key(t.name), t.code]),
);
const TYPE_BY_ABBR = new Map<string, DocTypeCode>(
  DOC_TYPES.filter((t) => t.code !== 'CV').map((t) => [t.code, t.code]),
);

/** Type line of the document: the type name alone, in capitals (NĐ 30, Phụ lục I, mục 5). */
function typeOfLine(s: string): DocTypeCode | null {
  if (upperRatio(s) < 0.7) return null;
  return TYPE_BY_KEY.get(key(s)) ?? null;
}

// Positions (chức vụ) as printed in capitals → readable spelling (NĐ 30, Phụ lục I, mục 7b).
const POSITIONS: [string, string][] = [
  ['PHO CHANH VAN PHONG', 'Phó Chánh Văn phòng'],
  ['CHANH VAN PHONG', 'Chánh Văn phòng'],
  ['PHO CHANH THANH TRA', 'Phó Chánh Thanh tra'],
  ['CHANH THANH TRA', 'Chánh Thanh tra'],
  ['PHO CHU TICH', 'Phó Chủ tịch'],
  ['CHU TICH', 'Chủ tịch'],
  ['PHO TONG GIAM DOC', 'Phó Tổng Giám đốc'],
  ['TONG GIAM DOC', 'Tổng Giám đốc'],
  ['PHO GIAM DOC', 'Phó Giám đốc'],
  ['GIAM DOC', 'Giám đốc'],
  ['PHO TRUONG BAN', 'Phó Trưởng ban'],
  ['TRUONG BAN', 'Trưởng ban'],
  ['PHO TRUONG PHONG', 'Phó Trưởng phòng'],
  ['TRUONG PHONG', 'Trưởng phòng'],
  ['PHO CHU NHIEM', 'Phó Chủ nhiệm'],
  ['CHU NHIEM', 'Chủ nhiệm'],
  ['THU TRUONG', 'Thứ trưởng'],
  ['BO TRUONG', 'Bộ trưởng'],
  ['PHO CUC TRUONG', 'Phó Cục trưởng'],
  ['CUC TRUONG', 'Cục trưởng'],
  ['PHO CHI CUC TRUONG', 'Phó Chi cục trưởng'],
  ['CHI CUC TRUONG', 'Chi cục trưởng'],
  ['PHO CHI HUY TRUONG', 'Phó Chỉ huy trưởng'],
  ['CHI HUY TRUONG', 'Chỉ huy trưởng'],
  ['PHO VIEN TRUONG', 'Phó Viện trưởng'],
  ['VIEN TRUONG', 'Viện trưởng'],
  ['HIEU TRUONG', 'Hiệu trưởng'],
  ['TRUONG DOAN', 'Trưởng đoàn'],
  ['THU TRUONG CO QUAN', 'Thủ trưởng cơ quan'],
  ['PHO TRUONG THUE TINH', 'Phó Trưởng Thuế tỉnh'],
  ['TRUONG THUE TINH', 'Trưởng Thuế tỉnh'],
];

/** Readable position: "CHÁNH VĂN PHÒNG" → "Chánh Văn phòng", "GIÁM ĐỐC SỞ NỘI VỤ" → "Giám đốc Sở Nội vụ". */
export function readablePosition(raw: string): string {
  const s = collapse(raw.replace(/[.,;:]+$/, ''));
  const k = key(s);
  for (const [pk, spelling] of POSITIONS) {
    if (k === pk) return spelling;
    if (k.startsWith(pk + ' ')) {
      const words = s.split(' ');
      const rest = words.slice(pk.split(' ').length).join(' ');
      return `${spelling} ${readableName(rest)}`;
    }
  }
  return readableName(s);
}

/** Canonical capitals for the part after TM./KT./TL. when OCR lost the diacritics. */
const FORM_OBJECTS: Record<string, string> = {
  'CHU TICH': 'CHỦ TỊCH',
  'UY BAN NHAN DAN': 'ỦY BAN NHÂN DÂN',
  'HOI DONG NHAN DAN': 'HỘI ĐỒNG NHÂN DÂN',
  'GIAM DOC': 'GIÁM ĐỐC',
  'BO TRUONG': 'BỘ TRƯỞNG',
  'CHANH VAN PHONG': 'CHÁNH VĂN PHÒNG',
  'TRUONG BAN': 'TRƯỞNG BAN',
  'THU TUONG': 'THỦ TƯỚNG',
  'CHANH THANH TRA': 'CHÁNH THANH TRA',
};

function signingFormOf(s: string): { form: string; object: string } | null {
  const m = SIG_FORM.exec(collapse(s));
  if (!m || upperRatio(m[2]!) < 0.75) return null;
  const obj = collapse(m[2]!.replace(/[.,;:]+$/, ''))
    .replace(/UỶ/g, 'ỦY')
    .replace(/\s*;\s*/g, ', ');
  return { form: m[1]!, object: FORM_OBJECTS[key(obj)] ?? obj };
}

function isPositionLine(s: string): boolean {
  if (upperRatio(s) < 0.75) return false;
  const k = key(s);
  return POSITIONS.some(([pk]) => k === pk || k.startsWith(pk + ' '));
}

/** First words of an agency name (NĐ 30, Phụ lục I, mục 2: tên cơ quan ban hành). */
const ORGAN_KIND =
  /^(VAN PHONG|SO|BAN|THANH TRA|CHI CUC|TONG CUC|CUC|VU|VIEN|HOC VIEN|TRUNG TAM|BO CHI HUY|BO|PHONG|HOI DONG|UY BAN|UBND|HDND|CONG AN|KHO BAC|THUE|BAO HIEM|BENH VIEN|TRUONG|DAI|BAO|NGAN HANG|DANG UY|TINH UY|DOAN)\b/;

// Code of a document: "15/QĐ-UBND", "30/2020/NĐ-CP", "1677/NQ-UBTVQH15" (NĐ 30, Phụ lục I, mục 3).
const CODE_IN_TEXT = /(?<![\p{L}\d/])(\d{1,5})\/(?:(\d{4})\/)?(\p{Lu}[\p{L}\d]*(?:-[\p{L}\d]+)*)/gu;

// ───────────────────────────── extractor ─────────────────────────────

/**
 * Extracts the registration fields of an administrative document from its text.
 * Never invents a value: a field that is absent or inconsistent is `value: null` with flags.
 */
export function extractFields(input: string): Extraction {
  const text = normalizeText(input);
  const { lines, pieces } = buildPieces(text);
  const warnings: Extraction['warnings'] = [];
  const lineCount = lines.length;

  // ── the type line and the end of the header
  let typeIdx = -1;
  let type: DocTypeCode | null = null;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    if (p.line > Math.max(40, lineCount * 0.45)) break;
    const t = typeOfLine(p.text);
    if (t) {
      typeIdx = i;
      type = t;
      break;
    }
  }
  let headerEnd = pieces.length;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    const k = key(p.text);
    if (
      i === typeIdx ||
      p.line >= 30 ||
      /^(KINH GUI|CAN CU|THUC HIEN)\b/.test(k) ||
      (p.text.length > 100 && upperRatio(p.text) < 0.5)
    ) {
      headerEnd = i;
      break;
    }
  }
  const header = pieces.slice(0, headerEnd);

  // ── urgency and secrecy stamps (NĐ 30, Phụ lục I, mục 10: dấu chỉ độ khẩn, độ mật)
  let urgency: Field<Urgency> = none();
  let secrecy: Field<Secrecy> = none();
  const stampZone = pieces.filter((p) => p.line < Math.max(30, (pieces[headerEnd]?.line ?? 0) + 3));
  for (const part of stampZone.flatMap((p) => p.text.split(/\s*[|/]\s*/).map((text) => ({ text })))) {
    const p = part;
    const k = key(p.text.replace(/[[\]|()]/g, ' '));
    const conf = hasDiacritics(p.text) ? 0.95 : 0.75;
    if (!urgency.value) {
      if (k === 'HOA TOC HEN GIO') urgency = { value: 'Hỏa tốc hẹn giờ', confidence: conf };
      else if (k === 'HOA TOC') urgency = { value: 'Hỏa tốc', confidence: conf };
      else if (k === 'THUONG KHAN') urgency = { value: 'Thượng khẩn', confidence: conf };
      else if (k === 'KHAN') urgency = { value: 'Khẩn', confidence: conf };
    }
    if (!secrecy.value) {
      if (k === 'TUYET MAT') secrecy = { value: 'Tuyệt mật', confidence: conf };
      else if (k === 'TOI MAT') secrecy = { value: 'Tối mật', confidence: conf };
      else if (k === 'MAT') secrecy = { value: 'Mật', confidence: conf };
    }
  }
  const isStamp = (s: string) =>
    /^(HOA TOC( HEN GIO)?|THUONG KHAN|KHAN|MAT|TOI MAT|TUYET MAT)$/.test(key(s.replace(/[[\]|()]/g, ' ')));

  // ── số and ký hiệu (Phụ lục I, mục 3)
  let number: Field<DocNumber> = none(['NOT_FOUND']);
  let notation: Field<string> = none(['NOT_FOUND']);
  let soIdx = -1;
  let ownCode: string | null = null;
  for (let i = 0; i < header.length; i++) {
    const p = header[i]!;
    const f = fold(p.text);
    const lab = SO_LABEL.exec(f);
    if (!lab || lab.index > 1) continue;
    const after = p.text.slice(lab.index + lab[0].length);
    const m = /^\s*([0-9OoIl]{1,5})?\s*\/\s*(?:(\d{4})\s*\/\s*)?([\p{L}\d]+(?:\s*-\s*[\p{L}\d]+)*)/u.exec(after);
    if (!m) continue;
    soIdx = i;
    const clean = /^S[ốô]\s*:/.test(p.text);
    const nota = normalizeNotation(m[3]!);
    notation = { value: nota, confidence: clean && nota === m[3] ? 0.95 : 0.8 };
    if (nota !== m[3]!.replace(/\s+/g, '')) notation.raw = m[3]!;
    if (m[1]) {
      const t = digits(m[1]);
      number = {
        value: { text: t, numeric: Number(t), year: m[2] ? Number(m[2]) : null },
        confidence: clean && t === m[1] ? 0.95 : 0.8,
      };
      ownCode = `${t}/${m[2] ? m[2] + '/' : ''}${nota}`;
    } else {
      number = none(['NUMBER_BLANK']);
      warnings.push({ field: 'number', code: 'NUMBER_BLANK' });
    }
    break;
  }
  if (soIdx < 0) {
    warnings.push({ field: 'number', code: 'NOT_FOUND' });
    // A code alone at the start of a header piece, without "Số:" (OCR lost the label).
    for (let i = 0; i < header.length; i++) {
      const m = /^(\d{1,5})\s*\/\s*(?:(\d{4})\s*\/\s*)?(\p{Lu}[\p{L}\d]*(?:\s*-\s*[\p{L}\d]+)+)$/u.exec(
        header[i]!.text,
      );
      if (!m) continue;
      soIdx = i;
      const nota = normalizeNotation(m[3]!);
      number = { value: { text: m[1]!, numeric: Number(m[1]), year: m[2] ? Number(m[2]) : null }, confidence: 0.5 };
      notation = { value: nota, confidence: 0.5 };
      ownCode = `${m[1]}/${m[2] ? m[2] + '/' : ''}${nota}`;
      break;
    }
  }

  // ── place and date (Phụ lục I, mục 4): "Quảng Ngãi, ngày 06 tháng 01 năm 2026"
  let place: Field<string> = none(['NOT_FOUND']);
  let issuedDate: Field<string> = none(['NOT_FOUND']);
  let dateIdx = -1;
  for (let i = 0; i < header.length; i++) {
    const p = header[i]!;
    const f = fold(p.text);
    const m = DATE_CORE.exec(f);
    if (!m) continue;
    const pre = p.text.slice(0, m.index).replace(/[\s,.;]+$/, '');
    if (pre && !/^\p{Lu}/u.test(pre)) continue;
    dateIdx = i;
    const raw = collapse(p.text.slice(m.index, m.index + m[0].length));
    const [d, mo, y] = [m[1]!, m[2]!, m[3]!].map((x) => Number(digits(x))) as [number, number, number];
    const conf = hasDiacritics(p.text) ? 0.95 : 0.8;
    if (validDate(y, mo, d)) issuedDate = { value: iso(y, mo, d), confidence: conf };
    else {
      issuedDate = { value: null, confidence: 0, flags: ['DATE_INVALID'], raw };
      warnings.push({ field: 'issuedDate', code: 'DATE_INVALID', detail: raw });
    }
    if (pre) place = { value: collapse(pre), confidence: conf };
    break;
  }
  if (dateIdx < 0) {
    // No header date line: take the first date of the body that is not the date of a cited
    // document ("Báo cáo số 01/BC-VP ngày …"), and say so.
    const f = fold(text);
    const re = new RegExp(DATE_CORE.source, 'gi');
    for (let m = re.exec(f); m; m = re.exec(f)) {
      const before = text.slice(Math.max(0, m.index - 40), m.index);
      if (/\d\/\p{L}/u.test(before)) continue;
      const raw = collapse(text.slice(m.index, m.index + m[0].length));
      const [d, mo, y] = [m[1]!, m[2]!, m[3]!].map((x) => Number(digits(x))) as [number, number, number];
      if (validDate(y, mo, d)) issuedDate = { value: iso(y, mo, d), confidence: 0.4, flags: ['DATE_FROM_BODY'], raw };
      else issuedDate = { value: null, confidence: 0, flags: ['DATE_INVALID'], raw };
      warnings.push({ field: 'issuedDate', code: issuedDate.value ? 'DATE_FROM_BODY' : 'DATE_INVALID', detail: raw });
      break;
    }
  }

  // ── issuing body (Phụ lục I, mục 2): the capitals of the left header column before the số
  const limit = soIdx >= 0 ? soIdx : typeIdx >= 0 ? typeIdx : header.length;
  const organLines: string[] = [];
  for (let i = 0; i < Math.min(limit, header.length); i++) {
    const p = header[i]!;
    const t = p.text.trim();
    if (isMotto(t) || SEP.test(t) || isStamp(t) || i === dateIdx || DATE_CORE.test(fold(t))) continue;
    if (upperRatio(t) < 0.75 || !/\p{L}{2}/u.test(t)) continue;
    if (typeOfLine(t)) continue;
    // Keep the capitals; OCR may glue seal or rule debris after them ("DUNG QUẤT ; mm. R B").
    const words = t.replace(/^[-–—_.\s]+/, '').split(/\s+/);
    const kept: string[] = [];
    for (const w of words) {
      if (/^[\p{Lu}Đ0-9&-][\p{Lu}Đ0-9.,&-]*$/u.test(w)) kept.push(w);
      else break;
    }
    const line = kept.join(' ').replace(/[-–—_,.\s]+$/, '');
    if (line.length >= 2) organLines.push(line);
    if (organLines.length >= 6) break;
  }
  let issuer: Field<string> = none(['NOT_FOUND']);
  let issuerParent: Field<string> = none();
  if (organLines.length) {
    const groups: string[][] = [[organLines[0]!]];
    const CONT = /^(VA|TINH|XA|PHUONG|DAC KHU|THANH PHO|HUYEN|QUAN|THI XA|CAC|KHU)\b/;
    for (const l of organLines.slice(1)) {
      const last = groups[groups.length - 1]!;
      const prev = last[last.length - 1]!;
      const k = key(l);
      // A new body starts with an organ kind ("SỞ", "VĂN PHÒNG", "BAN", "THUẾ"…); other lines wrap the name.
      if (CONT.test(k) || /[,&-]$/.test(prev) || / VA$/.test(key(prev)) || !ORGAN_KIND.test(k)) last.push(l);
      else groups.push([l]);
    }
    const bodyRaw = groups[groups.length - 1]!.join(' ');
    const parentRaw = groups.length > 1 ? groups[groups.length - 2]!.join(' ') : null;
    const conf = organLines.every(hasDiacritics) ? 0.9 : 0.7;
    const parentName = parentRaw ? readableName(parentRaw) : null;
    let name = readableName(bodyRaw);
    // "UBND TỈNH QUẢNG NGÃI / VĂN PHÒNG" is read "Văn phòng UBND tỉnh Quảng Ngãi".
    if (key(bodyRaw) === 'VAN PHONG' && parentName) name = `Văn phòng ${parentName}`;
    issuer = { value: name, confidence: conf, raw: [parentRaw, bodyRaw].filter(Boolean).join(' / ') };
    if (parentName) issuerParent = { value: parentName, confidence: conf };
  }

  // ── type and trích yếu (Phụ lục I, mục 5)
  let subject: Field<string> = none(['NOT_FOUND']);
  let vvFound = false;
  // Công văn: "V/v …" under the số, possibly wrapped over several lines of the left column.
  for (let i = 0; i < header.length; i++) {
    const p = header[i]!;
    const m = /^V\s*[/\\|lI1]\s*[vV]\s*[.:]?\s*/.exec(p.text);
    if (!m) continue;
    vvFound = true;
    const parts = [p.text.slice(m[0].length)];
    let line = p.line;
    for (let j = i + 1; j < header.length; j++) {
      const q = header[j]!;
      // A blank line ends it, unless OCR split the wrapped line ("của" alone, then "UBND xã …").
      if (q.line > line + 2 || (q.line === line + 2 && !/^[\p{Ll}\d(]/u.test(q.text))) break;
      if (q.right && q.line === p.line) continue;
      const t = q.text;
      const k = key(t);
      // The right column (date line, motto) and stamps may sit between wrapped lines: skip them.
      if (isMotto(t) || isStamp(t) || DATE_CORE.test(fold(t)) || SEP.test(t)) continue;
      if (/^(KINH GUI|SO)\b/.test(k)) break;
      if (q.right && q.start >= 24) continue;
      if (upperRatio(t) >= 0.8 && t.length > 6) break;
      parts.push(t);
      line = q.line;
    }
    const value = 'V/v ' + collapse(parts.join(' '));
    subject = { value, confidence: m[0].startsWith('V/v') ? 0.9 : 0.75 };
    break;
  }
  if (typeIdx >= 0) {
    const parts: string[] = [];
    let line = pieces[typeIdx]!.line;
    for (let j = typeIdx + 1; j < pieces.length && parts.length < 6; j++) {
      const q = pieces[j]!;
      const t = q.text;
      const k = key(t);
      if (SEP.test(t)) {
        if (parts.length) break;
        continue;
      }
      const gap = q.line - line - 1;
      if (parts.length && gap > 0 && !(gap === 1 && /^\p{Ll}/u.test(t) && t.length < 100)) break;
      if (
        /^(CAN CU|KINH GUI|THUC HIEN|NOI NHAN)\b/.test(k) ||
        isMotto(t) ||
        upperRatio(t) >= 0.8 ||
        /^[-+•]\s/.test(t) ||
        /^(Điều|Dieu)\s+\d/.test(t) ||
        (parts.length > 0 && /:\s*$/.test(t) && /^\p{Lu}/u.test(t)) ||
        (parts.length > 0 && t.length > 120)
      )
        break;
      if (!parts.length && t.length > 300) break;
      parts.push(t);
      line = q.line;
    }
    if (parts.length) {
      const value = collapse(parts.join(' ')).replace(/[.:]$/, '');
      subject = { value, confidence: parts.every(hasDiacritics) ? 0.9 : 0.75 };
    }
  }
  let typeField: Field<DocTypeCode> = none(['NOT_FOUND']);
  const notaType = notation.value ? (TYPE_BY_ABBR.get(notation.value.split('-')[0]!) ?? null) : null;
  if (type) {
    typeField = { value: type, confidence: notaType === type ? 0.98 : notaType ? 0.7 : 0.9 };
    if (notaType && notaType !== type) typeField.flags = ['TYPE_NOTATION_MISMATCH'];
  } else if (notaType) typeField = { value: notaType, confidence: 0.8 };
  else if (vvFound) typeField = { value: 'CV', confidence: notation.value ? 0.95 : 0.85 };
  else if (notation.value && notation.value.includes('-')) typeField = { value: 'CV', confidence: 0.6 };

  // ── signing block (Phụ lục I, mục 7) and Nơi nhận (mục 9)
  const tailFrom = pieces.findIndex((p) => p.line >= lineCount * 0.3);
  let sigFirst = -1;
  let sigLast = -1;
  const forms: string[] = [];
  for (let i = Math.max(0, tailFrom); i < pieces.length; i++) {
    const sf = signingFormOf(pieces[i]!.text);
    if (!sf) continue;
    if (sigLast >= 0 && i - sigLast > 3) {
      forms.length = 0;
      sigFirst = -1;
    }
    if (sigFirst < 0) sigFirst = i;
    sigLast = i;
    forms.push(`${sf.form}. ${sf.object}`);
  }
  let signingForm: Field<string> = none(['NOT_FOUND']);
  let signerPosition: Field<string> = none(['NOT_FOUND']);
  let signerName: Field<string> = none(['NOT_FOUND']);
  const isRecipientPiece = (t: string) => BULLET.test(t) || NOI_NHAN.test(fold(t));
  let posIdx = -1;
  if (sigLast >= 0) {
    signingForm = {
      value: forms.join(' / '),
      confidence: pieces.slice(sigFirst, sigLast + 1).every((p) => hasDiacritics(p.text)) ? 0.95 : 0.8,
    };
    for (let j = sigLast + 1; j < Math.min(pieces.length, sigLast + 6); j++) {
      const t = pieces[j]!.text;
      if (isRecipientPiece(t) || SIGNED_NOTE.test(t)) continue;
      if (upperRatio(t) >= 0.75 && !signingFormOf(t) && hasWord(t)) {
        posIdx = j;
        break;
      }
      if (isNameLike(t)) break;
    }
  } else {
    for (let i = Math.max(0, tailFrom); i < pieces.length; i++) {
      if (isPositionLine(pieces[i]!.text) && !typeOfLine(pieces[i]!.text) && i > headerEnd) {
        posIdx = i;
      }
    }
    // Keep the last position line of the document but only when a name follows it.
  }
  if (posIdx >= 0) {
    const raw = pieces[posIdx]!.text;
    signerPosition = { value: readablePosition(raw), confidence: hasDiacritics(raw) ? 0.9 : 0.75, raw };
  } else if (sigLast >= 0) {
    // "Q. GIÁM ĐỐC" with no position line below: the signer is the acting head.
    const last = signingFormOf(pieces[sigLast]!.text)!;
    if (last.form === 'Q')
      signerPosition = {
        value: `Quyền ${readablePosition(last.object)}`,
        confidence: 0.6,
        flags: ['POSITION_FROM_FORM'],
      };
    else if (last.form === 'TM' || last.form === 'TL' || last.form === 'TUQ') signerPosition = none(['NOT_FOUND']);
  }
  const nameFrom = posIdx >= 0 ? posIdx + 1 : sigLast >= 0 ? sigLast + 1 : -1;
  if (nameFrom > 0) {
    for (let j = nameFrom; j < Math.min(pieces.length, nameFrom + 14); j++) {
      const t = pieces[j]!.text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '').trim();
      if (isRecipientPiece(pieces[j]!.text) || SIGNED_NOTE.test(pieces[j]!.text)) continue;
      if (isNameLike(t)) {
        signerName = { value: collapse(t), confidence: hasDiacritics(t) ? 0.9 : 0.7 };
        break;
      }
    }
  }
  if (signerName.value === null && nameFrom < 0) {
    // No form, no position: the last name-like line of the document.
    for (let i = pieces.length - 1; i > Math.max(headerEnd, tailFrom); i--) {
      const t = pieces[i]!.text;
      if (isNameLike(t)) {
        signerName = { value: collapse(t), confidence: 0.4, flags: ['NO_SIGNING_BLOCK'] };
        break;
      }
      if (pieces.length - i > 6) break;
    }
  }

  let recipients: Field<string[]> = none(['NOT_FOUND']);
  let nnIdx = -1;
  for (let i = pieces.length - 1; i > headerEnd; i--) {
    if (/^N[o0]i\s*nh[a]n/i.test(fold(pieces[i]!.text))) {
      nnIdx = i;
      break;
    }
  }
  if (nnIdx >= 0) {
    const items: string[] = [];
    let open = false;
    for (let j = nnIdx + 1; j < pieces.length; j++) {
      const p = pieces[j]!;
      const t = p.text;
      if (j === posIdx || SIGNED_NOTE.test(t) || signingFormOf(t)) continue;
      if (BULLET.test(t)) {
        items.push(t.replace(BULLET, ''));
        open = !/[;.]\s*$/.test(t);
        continue;
      }
      if (t === signerName.value || (p.right && (upperRatio(t) >= 0.75 || isNameLike(t)))) continue;
      if (upperRatio(t) >= 0.75 && !items.length) continue;
      if (isNameLike(t) && !open) continue;
      if (open && items.length) {
        items[items.length - 1] += ' ' + t;
        open = !/[;.]\s*$/.test(t);
        continue;
      }
      if (items.length && !open) break;
    }
    const clean = items
      .map((s) =>
        collapse(s)
          .replace(/\s*(\.\/\.|[;.,:])+\s*$/, '')
          .replace(/,(?=\p{L})/gu, ', ')
          .trim(),
      )
      .filter(Boolean);
    if (clean.length) recipients = { value: clean, confidence: clean.every(hasDiacritics) ? 0.9 : 0.75 };
  }

  // ── other documents cited in the text
  const refs: string[] = [];
  // A code broken at its hyphen by the end of a line: "15/2025/NQ-⏎HĐND".
  const joined = text.replace(/(\d\/[\p{L}\d/-]*-)[ \t]*\n[ \t]*(?=\p{Lu})/gu, '$1');
  for (const m of joined.matchAll(CODE_IN_TEXT)) {
    const nota = normalizeNotation(m[3]!);
    if (!m[2] && !nota.includes('-')) continue;
    const code = `${m[1]}/${m[2] ? m[2] + '/' : ''}${nota}`;
    if (code !== ownCode && !refs.includes(code)) refs.push(code);
  }
  const referencedCodes: Field<string[]> = refs.length
    ? { value: refs, confidence: 0.9 }
    : { value: [], confidence: 0.5 };

  return {
    issuer,
    issuerParent,
    number,
    notation,
    place,
    issuedDate,
    type: typeField,
    subject,
    signingForm,
    signerPosition,
    signerName,
    recipients,
    referencedCodes,
    urgency,
    secrecy,
    warnings,
  };
}

/** The fields as plain values (what a form would be pre-filled with). */
export function extractionValues(x: Extraction): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(x)) {
    if (k === 'warnings') continue;
    out[k] = (v as Field<unknown>).value;
  }
  return out;
}

export { titleCase };
