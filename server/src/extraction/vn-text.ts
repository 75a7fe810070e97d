/**
 * Small Vietnamese text helpers used by the extractor. Pure, no I/O.
 *
 * `fold` removes diacritics one UTF-16 unit for one unit, so that an index found in the
 * folded string is the same index in the original: we match noisy OCR text on the folded
 * form ("ngay 6 thang 1 nam 2026") and slice the original to keep its diacritics.
 */

const foldCache = new Map<string, string>();

function foldChar(c: string): string {
  let f = foldCache.get(c);
  if (f !== undefined) return f;
  if (c === 'đ') f = 'd';
  else if (c === 'Đ' || c === 'Ð') f = 'D';
  else if (c === 'ð') f = 'd';
  else {
    const d = c.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    f = d.length === 1 ? d : c;
  }
  foldCache.set(c, f);
  return f;
}

/**
 * Removes Vietnamese diacritics, keeping the string length, so an index in the folded text is
 * an index in the original (the extractor slices originals by positions found in folded text).
 * For matching and search keys use platform/text.ts foldVietnamese, which also lower-cases.
 */
export function fold(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    out += code < 0x80 ? s[i] : foldChar(s[i]!);
  }
  return out;
}

/** Folded, upper-cased, whitespace collapsed: a key for dictionary look-ups. */
export function key(s: string): string {
  return fold(s)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

export const lower = (s: string) => s.toLocaleLowerCase('vi');
export const upper = (s: string) => s.toLocaleUpperCase('vi');
export const capitalize = (s: string) => (s ? upper(s[0]!) + s.slice(1) : s);
export const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Share of upper-case letters among letters; 0 when there are fewer than 2 letters. */
export function upperRatio(s: string): number {
  const letters = s.match(/\p{L}/gu);
  if (!letters || letters.length < 2) return 0;
  const up = letters.filter((l) => l !== lower(l) && l === upper(l)).length;
  return up / letters.length;
}

export const isUpperText = (s: string) => upperRatio(s) >= 0.8;

const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnpqrstvx])?';
const SYLLABLE = new RegExp(`^${ONSET}[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?$`);

/** True when the word can be a Vietnamese syllable; "UBND", "HĐND", "VP" cannot. */
export function isSyllable(word: string): boolean {
  return SYLLABLE.test(lower(fold(word)));
}

/** Mojibake-free tone placement for a few old-style spellings (NĐ 30 uses "ủy", "hóa"). */
export function modernTone(s: string): string {
  return s
    .replace(/uỷ/g, 'ủy')
    .replace(/UỶ/g, 'ỦY')
    .replace(/Uỷ/g, 'Ủy')
    .replace(/oá/g, 'óa')
    .replace(/OÁ/g, 'ÓA')
    .replace(/oà/g, 'òa')
    .replace(/oả/g, 'ỏa')
    .replace(/OẢ/g, 'ỎA');
}

/** Words that make the rest of an organ name a proper name ("tỉnh Quảng Ngãi"). */
const LOCALITY_WORDS = ['tỉnh', 'xã', 'phường', 'huyện', 'quận', 'thị xã', 'thị trấn', 'thành phố', 'đặc khu'];
const LOCALITY = new Set(LOCALITY_WORDS.map((w) => upper(w)));
/** "TỈNH", or "TINH" when OCR lost every diacritic; never "QUẢN" (folds like "QUẬN"). */
const isLocality = (words: string[]) => {
  const w = words.join(' ');
  return LOCALITY.has(upper(w)) || (fold(w) === w && LOCALITY_WORDS.some((l) => upper(fold(l)) === upper(w)));
};

/** Organ kinds whose next word starts the field name ("Sở Tài chính", "Bộ Nội vụ"). */
const KIND_PREFIX = [
  'CHI CUC',
  'TONG CUC',
  'SO',
  'BO',
  'CUC',
  'VU',
  'VIEN',
  'BAN',
  'TRUNG TAM',
  'HOC VIEN',
  'THANH TRA',
];

/** The 34 provincial units since 1 July 2025 (Công văn 915/CTK-CSCL; "Thành phố" dropped). */
export const PROVINCES = [
  'Hà Nội',
  'Cao Bằng',
  'Tuyên Quang',
  'Điện Biên',
  'Lai Châu',
  'Sơn La',
  'Lào Cai',
  'Thái Nguyên',
  'Lạng Sơn',
  'Quảng Ninh',
  'Bắc Ninh',
  'Phú Thọ',
  'Hải Phòng',
  'Hưng Yên',
  'Ninh Bình',
  'Thanh Hóa',
  'Nghệ An',
  'Hà Tĩnh',
  'Quảng Trị',
  'Huế',
  'Đà Nẵng',
  'Quảng Ngãi',
  'Gia Lai',
  'Khánh Hòa',
  'Đắk Lắk',
  'Lâm Đồng',
  'Đồng Nai',
  'Hồ Chí Minh',
  'Tây Ninh',
  'Đồng Tháp',
  'Vĩnh Long',
  'An Giang',
  'Cần Thơ',
  'Cà Mau',
];

/** Edit distance, for OCR-damaged words of a closed vocabulary. */
export function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** Set phrases of organ names, matched without diacritics (OCR reads "ÚY BAN", "TÍNH"). */
const CANON_UPPER: [string, string][] = [
  ['UY BAN NHAN DAN', 'ỦY BAN NHÂN DÂN'],
  ['HOI DONG NHAN DAN', 'HỘI ĐỒNG NHÂN DÂN'],
  ['NHAN DAN TINH', 'NHÂN DÂN TỈNH'],
  ['NHAN DAN XA', 'NHÂN DÂN XÃ'],
  ['NHAN DAN PHUONG', 'NHÂN DÂN PHƯỜNG'],
  ['NHAN DAN DAC KHU', 'NHÂN DÂN ĐẶC KHU'],
  ['UBND TINH', 'UBND TỈNH'],
  ['HDND TINH', 'HĐND TỈNH'],
  ['VAN PHONG', 'VĂN PHÒNG'],
];

/** Repairs OCR damage in the set phrases and province names of an organ name in capitals. */
export function canonicalOrganWords(words: string[]): string[] {
  const out = [...words];
  const keys = () => out.map((w) => key(w));
  for (const [k, v] of CANON_UPPER) {
    const n = k.split(' ').length;
    const ks = keys();
    for (let i = 0; i + n <= out.length; i++) {
      if (ks.slice(i, i + n).join(' ') === k) v.split(' ').forEach((w, j) => (out[i + j] = w));
    }
  }
  // "TỈNH QUẢNG NGẤT" → "TỈNH QUẢNG NGÃI": a province name one or two letters away.
  for (let i = 0; i < out.length; i++) {
    if (upper(out[i]!) !== 'TỈNH') continue;
    let best: { name: string; d: number } | null = null;
    for (const p of PROVINCES) {
      const n = p.split(' ').length;
      if (i + n >= out.length + 1) continue;
      const cand = key(out.slice(i + 1, i + 1 + n).join(' '));
      const d = levenshtein(cand, key(p));
      if (d <= Math.min(2, Math.floor(key(p).length / 5)) && (!best || d < best.d)) best = { name: p, d };
    }
    if (best)
      upper(best.name)
        .split(' ')
        .forEach((w, j) => (out[i + 1 + j] = w));
  }
  return out;
}

/** Fixed spellings (folded key → spelling). */
const FIXED: Record<string, string> = {
  'CONG THUONG': 'Công Thương',
  'CHINH PHU': 'Chính phủ',
  'QUOC HOI': 'Quốc hội',
  'TINH UY': 'Tỉnh ủy',
  'TRUNG UONG': 'Trung ương',
  'KHU KINH TE': 'Khu kinh tế',
  'KHU CONG NGHIEP': 'Khu công nghiệp',
  'DUNG QUAT': 'Dung Quất',
  'QUANG NGAI': 'Quảng Ngãi',
  'VIET NAM': 'Việt Nam',
};

/**
 * Turns an upper-case organ name into its readable form:
 * "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI" → "Ủy ban nhân dân tỉnh Quảng Ngãi",
 * "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG" → "Sở Nông nghiệp và Môi trường", "UBND TỈNH" → "UBND tỉnh".
 * Vietnamese capitalisation of organ names (NĐ 30/2020, Phụ lục II, viết hoa tên cơ quan).
 */
export function readableName(raw: string): string {
  const src = modernTone(collapse(raw));
  if (!isUpperText(src)) return src;
  const words = canonicalOrganWords(src.split(' '));
  const out: string[] = words.map((w) => (isSyllable(w.replace(/[^\p{L}]/gu, '')) ? lower(w) : w));
  const keys = words.map((w) => key(w));
  // Fixed phrases first.
  for (let i = 0; i < words.length; i++) {
    for (const [k, v] of Object.entries(FIXED)) {
      const n = k.split(' ').length;
      if (keys.slice(i, i + n).join(' ') === k) {
        const parts = v.split(' ');
        for (let j = 0; j < n; j++) out[i + j] = parts[j]!;
      }
    }
  }
  // Field name after an organ kind at the start: capitalise its first word and the first word after "và" or ",".
  let kindLen = 0;
  for (const p of KIND_PREFIX) {
    const n = p.split(' ').length;
    if (keys.slice(0, n).join(' ') === p) {
      kindLen = n;
      break;
    }
  }
  let localityAt = words.length;
  for (let i = 0; i < words.length; i++) {
    if (isLocality([words[i]!]) || (i + 1 < words.length && isLocality([words[i]!, words[i + 1]!]))) {
      localityAt = i;
      break;
    }
  }
  if (kindLen > 0 && kindLen < localityAt) {
    out[kindLen] = capitalize(out[kindLen]!);
    if (keys[0] !== 'BAN' && keys[0] !== 'TRUNG' && keys[0] !== 'THANH') {
      for (let i = kindLen + 1; i < localityAt; i++) {
        if ((keys[i - 1] === 'VA' || words[i - 1]!.endsWith(',')) && out[i]) out[i] = capitalize(out[i]!);
      }
    }
  }
  // Proper name after the locality word.
  if (localityAt < words.length) {
    const skip = localityAt + 1 < words.length && isLocality([words[localityAt]!, words[localityAt + 1]!]) ? 2 : 1;
    for (let i = localityAt + skip; i < words.length; i++) out[i] = capitalize(out[i]!);
  }
  out[0] = capitalize(out[0]!);
  return out.join(' ');
}

/** Title-cases a person's name printed in capitals ("NGUYỄN QUỐC VIỆT" → "Nguyễn Quốc Việt"). */
export function titleCase(s: string): string {
  return collapse(s)
    .split(' ')
    .map((w) => capitalize(lower(w)))
    .join(' ');
}
