/**
 * Tasks from a conclusions notice (thông báo kết luận): one task per numbered point, or per
 * bullet when a point has bullets, with its lead unit, co-operating units and deadline.
 * Pure: no I/O. The caller shows the result for review before saving (POST
 * /api/tasks/import-conclusions).
 *
 * What is read, and how:
 *  - Structure. Point labels "I." (roman), "1." / "1)" (number), "1.1." (sub-number), "a)" /
 *    "a." (letter), then bullets "- ", "– ", "• ", "* " and, one level lower, "+ ". Each label
 *    opens a node under the nearest open node of a higher level; a line without a label
 *    continues the node open last. Leaves are tasks; a node with children ("4. Chỉ đạo các
 *    phòng, đơn vị thuộc và trực thuộc") is their context: not a task, but its units and
 *    deadline are inherited. Points are "1", "4.2" (the 2nd bullet of point 4), "II.1", "1.a",
 *    "2.1".
 *  - Not tasks: the opening before the first label; footnotes (a line that starts with "⁽¹⁾",
 *    "¹" or "[^1]:" — dropped even in the middle of a bullet, which then continues after it);
 *    everything from the closing sentence ("Nay thông báo …", "Trên đây là …", "… thông báo để
 *    … biết …./.") or "Nơi nhận" or a signature line ("TL.", "KT.", "TM.") on; a first-level
 *    section that only assesses ("Đánh giá chung", "Ghi nhận, biểu dương …", "Kết quả đạt được")
 *    when other sections follow.
 *  - Joining lines. A wrapped line joins with a space; a new paragraph joins with a line break,
 *    unless the previous one did not end a sentence or the next starts in lower case (a
 *    paragraph cut by a footnote or a page break).
 *  - Markdown left by a converter ("**…**", "*…*", "_{…}", "#") and footnote markers ("⁽¹⁾")
 *    are removed from the text.
 *  - Units are found through `units` only — folded names (with "UBND" ↔ "Ủy ban nhân dân",
 *    and "… tỉnh Quảng Ngãi" ↔ "… tỉnh"), multi-word aliases folded; short names and one-word
 *    aliases exactly as written ("STC", "VP"), since folded they collide with words ("Sở" and
 *    "số"). A notice's own abbreviation — "Văn phòng UBND tỉnh (viết tắt là Văn phòng)", "(gọi
 *    tắt là Sở)" — becomes an alias of that unit for the notice.
 *  - Addressee: the first unit right after "đề nghị", "yêu cầu" or "giao" in the opening, else
 *    the unit of "làm việc với …".
 *  - Lead unit of a task, from the task's text, else its context, else the addressee:
 *    "Sở X chủ trì" (also "giao Sở X chủ trì", "do Sở X chủ trì") first; then a text that opens
 *    with a unit ("Sở Xây dựng khẩn trương …", "Đối với Sở Y tế: …"); then "giao / đề nghị /
 *    yêu cầu Sở X …" near the start of a sentence. Several units named together as leads ("giao Sở X, Sở Y …"): the first
 *    leads, the others co-operate, flag SEVERAL_LEADS. No lead at all: flag LEAD_UNIT_MISSING.
 *  - Co-operating units: the list after "phối hợp (chặt chẽ) (với / cùng / của)", unit by unit,
 *    across ",", "và", and generic words ("các cơ quan, đơn vị liên quan"), up to the first word
 *    that is neither.
 *  - Deadline: parseDeadlinePhrase on the task; without one, on its context (flag
 *    DEADLINE_FROM_POINT), then on the opening's directive sentence, e.g. "… nhiệm vụ trọng tâm
 *    trong thời gian đến như sau:" (flag DEADLINE_FROM_INTRO).
 *  - Notice date: opts.issuedDate, else the header line "Quảng Ngãi, ngày 12 tháng 02 năm
 *    2026", else an opening paragraph that starts with the date ("Ngày 06 tháng 01 năm 2026,
 *    …", "Chiều ngày 10/02/2026, …").
 */
import { isoFromYmd, isValidIsoDate } from '../calendar/civil-date.js';
import type { WorkCalendar } from '../calendar/working-days.js';
import { foldVietnamese } from '../platform/text.js';
import { DEADLINE_FLAGS, foldIndexed, type FoldedText, originalSlice, parseDeadlinePhrase } from './deadline-phrase.js';

export interface UnitRef {
  id: string;
  name: string;
}

export interface ConclusionUnit extends UnitRef {
  shortName: string;
  aliases?: string[];
}

export interface ParsedTask {
  content: string;
  /** "1", "4.2", "II.1", "1.a" */
  point: string;
  /** The heading(s) of the point the task belongs to ("Chỉ đạo các phòng, đơn vị …"), or null. */
  context: string | null;
  leadUnit: UnitRef | null;
  coUnits: UnitRef[];
  deadline: string | null;
  recurring: boolean;
  deadlinePhrase: string | null;
  flags: string[];
}

export interface ConclusionsParse {
  tasks: ParsedTask[];
  issuedDate: string | null;
  addressee: UnitRef | null;
  /** EMPTY_TEXT, NO_TASKS (nothing to import), BAD_ISSUED_DATE (opts.issuedDate is not a date). */
  problems: string[];
}

export interface ParseConclusionsOptions {
  /** 'YYYY-MM-DD'; when absent, read from the notice. */
  issuedDate?: string;
  units: ConclusionUnit[];
  /** Needed for deadlines in working days ("trong 10 ngày làm việc"). */
  calendar?: WorkCalendar;
}

export const CONCLUSION_FLAGS = {
  FROM_INTRO: 'DEADLINE_FROM_INTRO',
  FROM_POINT: 'DEADLINE_FROM_POINT',
  NO_LEAD: 'LEAD_UNIT_MISSING',
  SEVERAL_LEADS: 'SEVERAL_LEADS',
} as const;

export const CONCLUSION_PROBLEMS = {
  EMPTY_TEXT: 'EMPTY_TEXT',
  NO_TASKS: 'NO_TASKS',
  BAD_ISSUED_DATE: 'BAD_ISSUED_DATE',
} as const;

// ---------------------------------------------------------------------------------------------
// Lines

type Kind = 'roman' | 'num' | 'sub' | 'letter' | 'bullet';

interface Label {
  kind: Kind;
  rank: number;
  label: string;
  rest: string;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const RE_FOOTNOTE_LINE = new RegExp(`^\\s*(?:⁽[${SUPERSCRIPT}]+⁾|[${SUPERSCRIPT}]+(?=\\s*\\S)|\\[\\^\\d+\\]:)`);
const RE_ROMAN = /^(XV|XIV|XIII|XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\s*[.)]\s+(.*)$/;
const RE_SUB = /^(\d{1,3})\.(\d{1,2})\.?\s+(.*)$/;
const RE_NUM = /^(\d{1,3})\s*[.)]\s+(.*)$/;
const RE_LETTER = /^([a-zđ])\s*[.)]\s+(.*)$/;
const RE_BULLET = /^([-–—•*·+])\s+(.*)$/;

/** Markdown and footnote markers a converter leaves in the text. */
function cleanLine(line: string): string {
  return line
    .replace(new RegExp(`⁽[${SUPERSCRIPT}]+⁾|\\[\\^\\d+\\]`, 'g'), '')
    .replace(new RegExp(`(?<=\\S)[${SUPERSCRIPT}]+`, 'g'), '')
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/\*\*/g, '')
    .replace(/(^|[^\w*])\*(?!\s)([^*\n]+?)\*(?![\w*])/g, '$1$2')
    .replace(/_\{([^}]*)\}/g, '_$1')
    .replace(/[ \t\u00a0]+/g, ' ')
    .trim();
}

function labelOf(line: string): Label | null {
  let m = RE_SUB.exec(line);
  if (m) return { kind: 'sub', rank: 2, label: `${Number(m[1])}.${Number(m[2])}`, rest: m[3]! };
  m = RE_NUM.exec(line);
  if (m) return { kind: 'num', rank: 1, label: String(Number(m[1])), rest: m[2]! };
  m = RE_ROMAN.exec(line);
  if (m) return { kind: 'roman', rank: 0, label: m[1]!, rest: m[2]! };
  m = RE_LETTER.exec(line);
  if (m) return { kind: 'letter', rank: 3, label: m[1]!, rest: m[2]! };
  m = RE_BULLET.exec(line);
  if (m) return { kind: 'bullet', rank: m[1] === '+' ? 5 : 4, label: '', rest: m[2]! };
  return null;
}

/** The closing sentence, "Nơi nhận", a signature: the end of the points. */
function endsBody(line: string, labelled: boolean): boolean {
  const f = foldVietnamese(line);
  if (/^noi nhan\b/.test(f)) return true;
  if (/^(tl|kt|tm|tuq|q)\s*\.\s*\S/.test(f)) return true;
  if (labelled) return false;
  if (/^(nay thong bao|tren day la (y kien |noi dung )?(ket luan|chi dao|thong bao))\b/.test(f)) return true;
  if (/\bthong bao\b/.test(f) && (/\.\/\.?$/.test(f) || /\bthong bao (de|den|cho)\b.*\bbiet\b/.test(f))) return true;
  return /^(chanh van phong|pho chanh van phong|chu tich|pho chu tich)$/.test(f);
}

interface Part {
  text: string;
  /** A blank line or a dropped footnote came before it. */
  gapBefore: boolean;
  /** A dropped footnote came before it: a page break, the sentence likely goes on. */
  afterFootnote: boolean;
}

interface Node {
  kind: Kind | 'root';
  rank: number;
  label: string;
  parts: Part[];
  children: Node[];
  parent: Node | null;
}

const isUpperStart = (s: string) => {
  const c = s[0] ?? '';
  return c !== c.toLowerCase() && c === c.toUpperCase();
};

function joinParts(parts: Part[]): string {
  let out = '';
  for (const p of parts) {
    if (!p.text) continue;
    if (!out) {
      out = p.text;
      continue;
    }
    // A new paragraph starts with a capital after a blank line; across a footnote (a page
    // break), only if the text before it ended a sentence.
    const newParagraph = p.gapBefore && isUpperStart(p.text) && (!p.afterFootnote || /[.;:!?]$/.test(out));
    out += (newParagraph ? '\n' : ' ') + p.text;
  }
  return out
    .replace(/\.\/\.$/, '.')
    .replace(/[\s;,]+$/, '')
    .trim();
}

function pointOf(n: Node): string {
  const own =
    n.kind === 'bullet' ? String(n.parent!.children.filter((c) => c.kind === 'bullet').indexOf(n) + 1) : n.label;
  if (!n.parent || n.parent.kind === 'root') return own;
  const up = pointOf(n.parent);
  if (n.kind === 'sub' && own.startsWith(`${up}.`)) return own;
  return `${up}.${own}`;
}

const RE_ASSESSMENT =
  /^(?:ve\s+)?(?:danh gia chung|danh gia cao|ghi nhan|bieu duong|nhan xet chung|ket qua dat duoc|ket qua thuc hien|tinh hinh chung|tinh hinh thuc hien)\b/;

// ---------------------------------------------------------------------------------------------
// Units

interface Pattern {
  key: string;
  /** Must be written exactly so (short names, one-word aliases); null: folded match. */
  exact: string | null;
  unit: UnitRef;
}

interface Mention {
  start: number;
  end: number;
  unit: UnitRef;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[a-z0-9]/.test(c);

function nameVariants(name: string): string[] {
  const base = foldVietnamese(name).replace(/[.,;:]+$/, '');
  const out = new Set([base]);
  for (const v of [...out]) {
    out.add(v.replace(/\buy ban nhan dan\b/g, 'ubnd').replace(/\bhoi dong nhan dan\b/g, 'hdnd'));
    out.add(v.replace(/\bubnd\b/g, 'uy ban nhan dan').replace(/\bhdnd\b/g, 'hoi dong nhan dan'));
  }
  for (const v of [...out]) {
    // "… tỉnh Quảng Ngãi" is also written "… tỉnh".
    const m = /^(.+ tinh) [a-z]+(?: [a-z]+){0,2}$/.exec(v);
    if (m) out.add(m[1]!);
    // A commune "Xã Tịnh Khê" acts as "UBND xã Tịnh Khê".
    if (/^(xa|phuong|dac khu) /.test(v)) {
      out.add(`ubnd ${v}`);
      out.add(`uy ban nhan dan ${v}`);
    }
  }
  return [...out];
}

function aliasPattern(alias: string, unit: UnitRef): Pattern | null {
  const a = alias.normalize('NFC').trim();
  if (!a) return null;
  const key = foldVietnamese(a);
  return { key, exact: /\s/.test(a) ? null : a, unit };
}

function buildPatterns(units: ConclusionUnit[]): Pattern[] {
  const out: Pattern[] = [];
  for (const u of units) {
    const unit = { id: u.id, name: u.name };
    for (const key of nameVariants(u.name)) if (key) out.push({ key, exact: null, unit });
    const sn = u.shortName?.normalize('NFC').trim();
    if (sn && sn.length >= 2) out.push({ key: foldVietnamese(sn), exact: sn, unit });
    for (const a of u.aliases ?? []) {
      const p = aliasPattern(a, unit);
      if (p) out.push(p);
    }
  }
  return sortPatterns(out);
}

const sortPatterns = (ps: Pattern[]) => [...ps].sort((a, b) => b.key.length - a.key.length);

const GENERIC_WORD =
  '(?:co quan|don vi|so|ban|nganh|dia phuong|phong|to chuc|ca nhan|xa|phuong|dac khu|doanh nghiep|chu dau tu|thanh vien|hoi|doan the)';
const RE_GENERIC = new RegExp(
  `(?:(?:cac|nhung)\\s+${GENERIC_WORD}(?:\\s*,\\s*${GENERIC_WORD})*(?:\\s+(?:co\\s+)?lien quan|\\s+thuoc va truc thuoc|\\s+truc thuoc)?` +
    '|(?:ubnd|uy ban nhan dan)\\s+(?:cac\\s+)?(?:cap\\s+)?(?:xa|phuong|dac khu)(?:\\s*,\\s*(?:xa|phuong|dac khu))*' +
    '|dia phuong(?:\\s+(?:co\\s+)?lien quan)?)(?![a-z0-9])',
  'y',
);
/** A text folded once, with its unit mentions (leftmost, then longest). */
class Scanned {
  readonly f: FoldedText;
  /** Folded, line breaks as spaces (same indices). */
  readonly flat: string;
  readonly mentions: Mention[];
  private readonly byStart = new Map<number, Mention>();

  constructor(
    readonly text: string,
    patterns: Pattern[],
  ) {
    this.f = foldIndexed(text);
    this.flat = this.f.text.replace(/\n/g, ' ');
    this.mentions = [];
    const s = this.flat;
    for (let i = 0; i < s.length; i++) {
      if (isWordChar(s[i - 1]) || !isWordChar(s[i])) continue;
      // "UBND các xã, phường", "các sở, ngành liên quan": no unit, unless a unit's name is longer.
      RE_GENERIC.lastIndex = i;
      const generic = RE_GENERIC.test(s) ? RE_GENERIC.lastIndex : -1;
      let found = false;
      for (const p of patterns) {
        const end = i + p.key.length;
        if (s[i] !== p.key[0] || !s.startsWith(p.key, i) || isWordChar(s[end])) continue;
        if (p.exact !== null && originalSlice(text, this.f, i, end) !== p.exact) continue;
        if (end < generic) break;
        const m = { start: i, end, unit: p.unit };
        this.mentions.push(m);
        this.byStart.set(i, m);
        i = end - 1;
        found = true;
        break;
      }
      if (!found && generic > i) i = generic - 1;
    }
  }

  mentionAt(i: number): Mention | undefined {
    let j = i;
    while (this.flat[j] === ' ') j++;
    return this.byStart.get(j);
  }
}

const RE_CHAIRS =
  /\s*,?\s*(?:(?:la|lam)\s+(?:co quan|don vi)\s+)?(?:chu tri|lam dau moi|chiu trach nhiem chinh)(?![a-z0-9])/y;
const RE_DIRECTIVE = /(?<![a-z0-9])(?<!ban )(?:giao|de nghi|yeu cau)(?:\s+cho)?\s+/g;
/** A unit that gives an order ("UBND tỉnh giao Sở X …") is not the lead; one that asks ("đề nghị") is. */
const RE_DIRECTIVE_AFTER = /\s*,?\s*(?:giao|yeu cau|chi dao)(?![a-z0-9])/y;
/** Words a directive may follow in its sentence: "Giao", "Thống nhất giao", "Chủ tịch UBND tỉnh giao". */
const DIRECTIVE_MAX_WORDS_BEFORE = 6;

const stickyAt = (re: RegExp, s: string, at: number) => {
  re.lastIndex = at;
  return re.test(s);
};
const RE_OPENS_WITH = /^\s*(?:(?:doi voi|ve phia|rieng|lanh dao|tap the lanh dao)\s+)?$/;
const RE_COOPERATE = /(?<![a-z0-9])phoi hop(?:\s+chat che)?(?:\s+(?:voi|cung|cua))?\s+/g;
const RE_LIST_SEP = /\s*(?:,\s*|(?:va|voi|cung voi|cung)\s+)/y;

/** Units listed from position `from`: "Sở Xây dựng, Sở Y tế và các cơ quan liên quan". */
function unitList(sc: Scanned, from: number): UnitRef[] {
  const out: UnitRef[] = [];
  let pos = from;
  for (;;) {
    while (sc.flat[pos] === ' ') pos++;
    const m = sc.mentionAt(pos);
    if (m) {
      out.push(m.unit);
      pos = m.end;
    } else {
      RE_GENERIC.lastIndex = pos;
      if (!RE_GENERIC.test(sc.flat)) break;
      pos = RE_GENERIC.lastIndex;
    }
    RE_LIST_SEP.lastIndex = pos;
    if (!RE_LIST_SEP.test(sc.flat)) break;
    pos = RE_LIST_SEP.lastIndex;
  }
  return out;
}

interface Roles {
  lead: UnitRef | null;
  /** Named together with the lead as if leading too. */
  extras: UnitRef[];
  co: UnitRef[];
}

function roles(sc: Scanned): Roles {
  const s = sc.flat;
  const co: UnitRef[] = [];
  for (const m of s.matchAll(RE_COOPERATE)) co.push(...unitList(sc, m.index + m[0].length));

  // "Sở X chủ trì"
  for (const m of sc.mentions) {
    if (stickyAt(RE_CHAIRS, s, m.end)) return { lead: m.unit, extras: [], co };
  }
  // A text that opens with a unit: "Sở Xây dựng khẩn trương …", "Đối với Sở Y tế: …"
  const first = sc.mentions[0];
  if (first && RE_OPENS_WITH.test(s.slice(0, first.start)) && !stickyAt(RE_DIRECTIVE_AFTER, s, first.end)) {
    return { lead: first.unit, extras: [], co };
  }
  // "giao / đề nghị / yêu cầu Sở X …" near the start of a sentence ("… có văn bản đề nghị Sở Tài
  // chính cung cấp số liệu" asks a unit for something; it does not give it the task).
  for (const m of s.matchAll(RE_DIRECTIVE)) {
    const at = m.index + m[0].length;
    if (!sc.mentionAt(at)) continue;
    const sentence = s
      .slice(0, m.index)
      .split(/[.;:!?]/)
      .pop()!;
    if (sentence.split(' ').filter(Boolean).length > DIRECTIVE_MAX_WORDS_BEFORE) continue;
    const [lead, ...extras] = unitList(sc, at);
    // Only units straight after the verb lead; a "phối hợp" list later is co-operation.
    return { lead: lead!, extras: extras.filter((u) => !co.some((c) => c.id === u.id)), co };
  }
  return { lead: null, extras: [], co };
}

/** "(viết tắt là Văn phòng)", "(sau đây gọi tắt là Sở)" right after a unit: an alias for this notice. */
function noticeAliases(sc: Scanned): Pattern[] {
  const out: Pattern[] = [];
  const re = /\s*\(\s*(?:sau day\s+)?(?:duoc\s+)?(?:viet tat|goi tat|goi chung)(?:\s+la)?\s*:?\s*/y;
  for (const m of sc.mentions) {
    re.lastIndex = m.end;
    if (!re.test(sc.flat)) continue;
    const from = re.lastIndex;
    const close = sc.flat.indexOf(')', from);
    if (close < 0 || close - from > 60) continue;
    const alias = originalSlice(sc.text, sc.f, from, close).replace(/^["'“”‘’]+|["'“”‘’]+$/g, '');
    const p = aliasPattern(alias, m.unit);
    if (p) out.push(p);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Notice date

const DATE_IN_WORDS = '(\\d{1,2})(?:\\s+thang\\s+|\\s*[/.-]\\s*)(\\d{1,2})(?:\\s+nam\\s+|\\s*[/.-]\\s*)(\\d{4})';
const RE_HEADER_DATE = new RegExp(`[a-z]\\s*,\\s*ngay\\s+${DATE_IN_WORDS}`);
const RE_OPENING_DATE = new RegExp(
  `^(?:vao\\s+)?(?:(?:buoi\\s+)?(?:sang|chieu|toi|trua)\\s+)?(?:hom nay\\s*,?\\s*)?ngay\\s+${DATE_IN_WORDS}`,
);

function dateFrom(m: RegExpExecArray | null): string | null {
  if (!m) return null;
  const iso = isoFromYmd(Number(m[3]), Number(m[2]), Number(m[1]));
  return isValidIsoDate(iso) ? iso : null;
}

function noticeDate(lines: string[]): string | null {
  for (const l of lines) {
    const d = dateFrom(RE_HEADER_DATE.exec(foldVietnamese(l)));
    if (d) return d;
  }
  for (const l of lines) {
    const d = dateFrom(RE_OPENING_DATE.exec(foldVietnamese(l)));
    if (d) return d;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------

const uniqUnits = (us: UnitRef[], without: UnitRef | null) => {
  const seen = new Set<string>(without ? [without.id] : []);
  return us.filter((u) => !seen.has(u.id) && !!seen.add(u.id));
};

/**
 * The tasks of a conclusions notice. Never throws on odd text: an empty text gives problem
 * EMPTY_TEXT, a text without a numbered point NO_TASKS; doubtful tasks carry flags.
 */
export function parseConclusions(text: string, opts: ParseConclusionsOptions): ConclusionsParse {
  const problems: string[] = [];
  let issuedDate: string | null = null;
  if (opts.issuedDate !== undefined) {
    if (isValidIsoDate(opts.issuedDate)) issuedDate = opts.issuedDate;
    else problems.push(CONCLUSION_PROBLEMS.BAD_ISSUED_DATE);
  }
  const normalized = (text ?? '')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC');
  if (!normalized.trim()) {
    return { tasks: [], issuedDate, addressee: null, problems: [...problems, CONCLUSION_PROBLEMS.EMPTY_TEXT] };
  }

  // Lines: footnotes out, markdown off, labels read.
  interface Line {
    text: string;
    label: Label | null;
    gapBefore: boolean;
    afterFootnote: boolean;
  }
  const lines: Line[] = [];
  let gap = false;
  let footnote = false;
  for (const raw of normalized.split('\n')) {
    if (RE_FOOTNOTE_LINE.test(raw)) {
      gap = footnote = true;
      continue;
    }
    const t = cleanLine(raw);
    if (!t) {
      gap = true;
      continue;
    }
    lines.push({ text: t, label: labelOf(t), gapBefore: gap, afterFootnote: footnote });
    gap = footnote = false;
  }

  const firstPoint = lines.findIndex((l) => l.label && l.label.kind !== 'bullet');
  const openingLines = (firstPoint < 0 ? lines : lines.slice(0, firstPoint)).map((l) => l.text);
  issuedDate ??= noticeDate(openingLines);

  // Opening paragraphs (a blank line separates them).
  const paragraphs: string[] = [];
  for (const l of firstPoint < 0 ? lines : lines.slice(0, firstPoint)) {
    if (l.gapBefore || !paragraphs.length) paragraphs.push(l.text);
    else paragraphs[paragraphs.length - 1] += ` ${l.text}`;
  }
  const opening = paragraphs.join('\n');

  // Units, with the notice's own abbreviations.
  let patterns = buildPatterns(opts.units);
  const aliases = noticeAliases(new Scanned(normalized, patterns));
  if (aliases.length) patterns = sortPatterns([...patterns, ...aliases]);
  const scan = (t: string) => new Scanned(t, patterns);

  // Addressee: "đề nghị Văn phòng UBND tỉnh …", else "làm việc với …".
  const op = scan(opening);
  let addressee: UnitRef | null = null;
  for (const m of op.flat.matchAll(RE_DIRECTIVE)) {
    const u = op.mentionAt(m.index + m[0].length);
    if (u) {
      addressee = u.unit;
      break;
    }
  }
  if (!addressee) {
    for (const m of op.flat.matchAll(/(?<![a-z0-9])lam viec voi\s+/g)) {
      const u = op.mentionAt(m.index + m[0].length);
      if (u) {
        addressee = u.unit;
        break;
      }
    }
  }

  if (firstPoint < 0) {
    return { tasks: [], issuedDate, addressee, problems: [...problems, CONCLUSION_PROBLEMS.NO_TASKS] };
  }

  // The opening's directive sentence, for a deadline common to all tasks.
  const lastParagraph = paragraphs[paragraphs.length - 1] ?? '';
  const lastFolded = foldIndexed(lastParagraph);
  let introFrom = 0;
  for (const m of lastFolded.text.matchAll(/(?<![a-z0-9])(?:de nghi|yeu cau|giao|ket luan|chi dao)(?![a-z0-9])/g)) {
    introFrom = m.index;
  }
  const intro = originalSlice(lastParagraph, lastFolded, introFrom, lastFolded.text.length);

  // The tree of points.
  const root: Node = { kind: 'root', rank: -1, label: '', parts: [], children: [], parent: null };
  const stack: Node[] = [root];
  for (const l of lines.slice(firstPoint)) {
    if (endsBody(l.text, !!l.label)) break;
    if (l.label) {
      while (stack.length > 1 && stack[stack.length - 1]!.rank >= l.label.rank) stack.pop();
      const parent = stack[stack.length - 1]!;
      const node: Node = {
        kind: l.label.kind,
        rank: l.label.rank,
        label: l.label.label,
        parts: [{ text: l.label.rest.trim(), gapBefore: false, afterFootnote: false }],
        children: [],
        parent,
      };
      parent.children.push(node);
      stack.push(node);
    } else {
      stack[stack.length - 1]!.parts.push({ text: l.text, gapBefore: l.gapBefore, afterFootnote: l.afterFootnote });
    }
  }

  // Assessment sections among several first-level sections are not tasks.
  const top = root.children.filter(
    (n) => !(root.children.length > 1 && RE_ASSESSMENT.test(foldVietnamese(joinParts(n.parts.slice(0, 1))))),
  );

  const leaves: Node[] = [];
  const walk = (n: Node) => (n.children.length ? n.children.forEach(walk) : leaves.push(n));
  top.forEach(walk);

  const introParse = parseDeadlinePhrase(intro, issuedDate, opts.calendar);
  const tasks: ParsedTask[] = [];
  for (const leaf of leaves) {
    const content = joinParts(leaf.parts);
    if (!content) continue;
    const contexts: string[] = [];
    for (let p = leaf.parent; p && p.kind !== 'root'; p = p.parent) {
      const c = joinParts(p.parts);
      if (c) contexts.push(c);
    }

    // Units: the task's own words, then its context, then the addressee.
    const own = roles(scan(content));
    let lead: UnitRef | null = null;
    let co: UnitRef[] = [];
    const flags: string[] = [];
    for (const r of [own, ...contexts.map((c) => roles(scan(c)))]) {
      if (!r.lead) continue;
      lead = r.lead;
      co = [...r.extras, ...r.co];
      if (r.extras.length) flags.push(CONCLUSION_FLAGS.SEVERAL_LEADS);
      break;
    }
    lead ??= addressee;
    co = uniqUnits([...own.co, ...co], lead);
    if (!lead) flags.push(CONCLUSION_FLAGS.NO_LEAD);

    // Deadline: the task's words, then its context, then the opening.
    let d = parseDeadlinePhrase(content, issuedDate, opts.calendar);
    const none = (x: typeof d) => x.flags.includes(DEADLINE_FLAGS.NO_DEADLINE);
    if (none(d)) {
      let inherited = false;
      for (const c of contexts) {
        const cd = parseDeadlinePhrase(c, issuedDate, opts.calendar);
        if (!none(cd)) {
          d = { ...cd, flags: [...cd.flags, CONCLUSION_FLAGS.FROM_POINT] };
          inherited = true;
          break;
        }
      }
      if (!inherited && !none(introParse) && !introParse.flags.includes(DEADLINE_FLAGS.BEFORE_ISSUED_DATE)) {
        d = { ...introParse, flags: [...introParse.flags, CONCLUSION_FLAGS.FROM_INTRO] };
      }
    }

    tasks.push({
      content,
      point: pointOf(leaf),
      context: contexts.length ? [...contexts].reverse().join('\n') : null,
      leadUnit: lead,
      coUnits: co,
      deadline: d.deadline,
      recurring: d.recurring,
      deadlinePhrase: d.phrase,
      flags: [...d.flags, ...flags],
    });
  }

  if (!tasks.length) problems.push(CONCLUSION_PROBLEMS.NO_TASKS);
  return { tasks, issuedDate, addressee, problems };
}
