/**
 * Vietnamese stop words for the field classifier (classifier.ts).
 *
 * Folding drops diacritics, and many function words fold onto topical syllables: tại → "tai" as in
 * tài chính, tài nguyên, vận tải; để → "de" as in đề án, đề tài, đê điều; trong → "trong" as in
 * trồng rừng; những → "nhung" as in tham nhũng; cho → "cho" as in chợ; sở → "so" as in chuyển đổi
 * số. So there are three lists:
 *  - STOP_EXACT: words removed only when written with these diacritics (lower case, NFC). In a text
 *    typed without diacritics they stay, which costs little: the model just sees a weak feature.
 *  - STOP_FOLDED: words whose folded form is not also a topical syllable, removed however written.
 *  - STOP_PHRASES: folded phrases removed as a whole — request markers ("đề nghị" asks for
 *    something, it says nothing about the field; "nghị" alone stays, as in nghị quyết, hội nghị,
 *    kiến nghị), document kinds and administrative boilerplate ("Ủy ban nhân dân tỉnh Quảng Ngãi").
 * NUMBER_MARKERS are removed only next to a number ("năm 2026", "9 tháng", "quý III", "giai đoạn
 * 2026-2030"), so "năm học" and "quy hoạch" keep their syllables. Numbers, dates and document
 * references ("178/2024/NĐ-CP") are dropped by the tokeniser itself.
 */

export const STOP_EXACT: readonly string[] = [
  'tại',
  'để',
  'về',
  'cho',
  'với',
  'trong',
  'được',
  'là',
  'một',
  'do',
  'đến',
  'từ',
  'khi',
  'như',
  'đã',
  'đang',
  'thì',
  'mà',
  'những',
  'nhưng',
  'và',
  'sở',
  'tỉnh',
  'xã',
  'phường',
  'thứ',
  'sau',
  'cũng',
  'cùng',
  'mọi',
  'mỗi',
  'bị',
  'vì',
  'nên',
  'nơi',
];

export const STOP_FOLDED: readonly string[] = [
  'v/v',
  'vv',
  'cac',
  'cua',
  'theo',
  'tren',
  'nham',
  'nay',
  'hoac',
  'neu',
  'giua',
  // document-notation abbreviations left once the numbers are gone (NĐ-CP, QĐ-UBND, NQ/TW…)
  'ubnd',
  'hdnd',
  'nd',
  'cp',
  'qd',
  'nq',
  'tw',
  'ttg',
  'tt',
  'ct',
  'kh',
  'bc',
  'tb',
  'cv',
  'tr',
  'bch',
  'kt',
  'tm',
  'vt',
];

export const STOP_PHRASES: readonly string[] = [
  've viec',
  'de nghi',
  'xin y kien',
  'kinh gui',
  'to trinh',
  'cong van',
  'bao cao',
  'thong bao',
  'uy ban nhan dan',
  'hoi dong nhan dan',
  'tinh quang ngai',
  'tren dia ban',
  'dia ban tinh',
  'doi voi',
  'lien quan',
  'tinh hinh',
  'mot so',
  'chu tich',
  // the header, signature block and distribution list of a document's full text
  'cong hoa xa hoi chu nghia viet nam',
  'doc lap tu do hanh phuc',
  'noi nhan',
  'nhu tren',
  'can cu',
  'luu vt',
];

export const NUMBER_MARKERS: readonly string[] = [
  'nam',
  'thang',
  'quy',
  'ngay',
  'dot',
  'so',
  'lan',
  'lan thu',
  'khoa',
  'ky',
  'nhiem ky',
  'giai doan',
  'km',
];
