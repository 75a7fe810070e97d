import { DOCUMENT_TYPES, type DocumentType } from '../documents/types.js';

/**
 * The document types the extractor recognises: the one list in documents/types.ts
 * (NĐ 30/2020/NĐ-CP, Điều 7 and Phụ lục III), less Thư công, which has no heading to read.
 */
export type DocTypeCode = Exclude<DocumentType, 'TCg'>;

export const DOC_TYPES: readonly { code: DocTypeCode; name: string }[] = DOCUMENT_TYPES.filter(
  (t): t is Extract<(typeof DOCUMENT_TYPES)[number], readonly [DocTypeCode, ...unknown[]]> => t[0] !== 'TCg',
).map(([code, name]) => ({ code, name }));

export const DOC_TYPE_CODES: readonly DocTypeCode[] = DOC_TYPES.map((t) => t.code);

export function docTypeName(code: DocTypeCode): string {
  return DOC_TYPES.find((t) => t.code === code)!.name;
}
