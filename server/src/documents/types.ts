/**
 * Administrative document types and their abbreviations: NĐ 30/2020/NĐ-CP, Điều 7 and
 * Phụ lục III. Công văn has no abbreviation in the notation; "CV" is only our code for it.
 */
export const DOCUMENT_TYPES = [
  ['NQ', 'Nghị quyết', 'Resolution'],
  ['QĐ', 'Quyết định', 'Decision'],
  ['CT', 'Chỉ thị', 'Directive'],
  ['QC', 'Quy chế', 'Regulation'],
  ['QyĐ', 'Quy định', 'Rules'],
  ['TC', 'Thông cáo', 'Communiqué'],
  ['TB', 'Thông báo', 'Notice'],
  ['HD', 'Hướng dẫn', 'Guidance'],
  ['CTr', 'Chương trình', 'Programme'],
  ['KH', 'Kế hoạch', 'Plan'],
  ['PA', 'Phương án', 'Scheme'],
  ['ĐA', 'Đề án', 'Project proposal'],
  ['DA', 'Dự án', 'Project'],
  ['BC', 'Báo cáo', 'Report'],
  ['BB', 'Biên bản', 'Minutes'],
  ['TTr', 'Tờ trình', 'Submission'],
  ['HĐ', 'Hợp đồng', 'Contract'],
  ['CĐ', 'Công điện', 'Official telegram'],
  ['BGN', 'Bản ghi nhớ', 'Memorandum'],
  ['BTT', 'Bản thỏa thuận', 'Agreement'],
  ['GUQ', 'Giấy ủy quyền', 'Power of attorney'],
  ['GM', 'Giấy mời', 'Invitation'],
  ['GGT', 'Giấy giới thiệu', 'Letter of introduction'],
  ['GNP', 'Giấy nghỉ phép', 'Leave permit'],
  ['PG', 'Phiếu gửi', 'Dispatch slip'],
  ['PC', 'Phiếu chuyển', 'Transfer slip'],
  ['PB', 'Phiếu báo', 'Notification slip'],
  ['CV', 'Công văn', 'Official letter'],
  ['TCg', 'Thư công', 'Public letter'],
] as const;

export type DocumentType = (typeof DOCUMENT_TYPES)[number][0];
export const TYPE_CODES = DOCUMENT_TYPES.map((t) => t[0]) as unknown as readonly [DocumentType, ...DocumentType[]];

/** Công văn and Thư công carry no type abbreviation in their ký hiệu (NĐ 30/2020, Phụ lục I, mục II.3). */
export const UNABBREVIATED: ReadonlySet<string> = new Set(['CV', 'TCg']);

export function typeName(code: string): string {
  return DOCUMENT_TYPES.find((t) => t[0] === code)?.[1] ?? code;
}

/** Urgency (độ khẩn) with edXML Priority codes (QCVN 102:2016): 0 thường … 3 hỏa tốc, 4 hỏa tốc hẹn giờ. */
export const URGENCY = ['Thường', 'Khẩn', 'Thượng khẩn', 'Hỏa tốc', 'Hỏa tốc hẹn giờ'] as const;
/** Secrecy (độ mật), Luật Bảo vệ bí mật nhà nước 2018, Điều 8: 0 none, 1 Mật, 2 Tối mật, 3 Tuyệt mật. */
export const SECRECY = ['Thường', 'Mật', 'Tối mật', 'Tuyệt mật'] as const;

/** Signing forms (thẩm quyền ký), NĐ 30/2020, Điều 13 and Phụ lục I mục II.8. */
export const SIGNING_FORMS = ['TM.', 'KT.', 'TL.', 'Q.', 'TUQ.', ''] as const;
export type SigningForm = (typeof SIGNING_FORMS)[number];
