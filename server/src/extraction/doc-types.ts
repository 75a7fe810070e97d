/**
 * Administrative document types and their abbreviations:
 * NĐ 30/2020/NĐ-CP, Điều 7 (29 loại văn bản hành chính) and Phụ lục III (chữ viết tắt).
 * Công văn and Thư công have no abbreviation; we use "CV" for công văn as the app's own code.
 */
export const DOC_TYPES = [
  { code: 'NQ', name: 'Nghị quyết' },
  { code: 'QĐ', name: 'Quyết định' },
  { code: 'CT', name: 'Chỉ thị' },
  { code: 'QC', name: 'Quy chế' },
  { code: 'QyĐ', name: 'Quy định' },
  { code: 'TC', name: 'Thông cáo' },
  { code: 'TB', name: 'Thông báo' },
  { code: 'HD', name: 'Hướng dẫn' },
  { code: 'CTr', name: 'Chương trình' },
  { code: 'KH', name: 'Kế hoạch' },
  { code: 'PA', name: 'Phương án' },
  { code: 'ĐA', name: 'Đề án' },
  { code: 'DA', name: 'Dự án' },
  { code: 'BC', name: 'Báo cáo' },
  { code: 'BB', name: 'Biên bản' },
  { code: 'TTr', name: 'Tờ trình' },
  { code: 'HĐ', name: 'Hợp đồng' },
  { code: 'CĐ', name: 'Công điện' },
  { code: 'BGN', name: 'Bản ghi nhớ' },
  { code: 'BTT', name: 'Bản thỏa thuận' },
  { code: 'GUQ', name: 'Giấy ủy quyền' },
  { code: 'GM', name: 'Giấy mời' },
  { code: 'GGT', name: 'Giấy giới thiệu' },
  { code: 'GNP', name: 'Giấy nghỉ phép' },
  { code: 'PG', name: 'Phiếu gửi' },
  { code: 'PC', name: 'Phiếu chuyển' },
  { code: 'PB', name: 'Phiếu báo' },
  { code: 'CV', name: 'Công văn' },
] as const;

export type DocTypeCode = (typeof DOC_TYPES)[number]['code'];

export const DOC_TYPE_CODES: readonly DocTypeCode[] = DOC_TYPES.map((t) => t.code);

export function docTypeName(code: DocTypeCode): string {
  return DOC_TYPES.find((t) => t.code === code)!.name;
}
