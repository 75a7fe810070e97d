import { UNABBREVIATED } from './types.js';
import { todayInVietnam } from '../calendar/civil-date.js';

/** The date in Vietnam: the one implementation lives with the calendar. */
export const dateInVietnam = (at: Date): string => todayInVietnam(at);

/** The calendar year in Asia/Ho_Chi_Minh: numbers restart at 00:00 on 1 January Vietnam time. */
export function yearInVietnam(at: Date): number {
  return Number(dateInVietnam(at).slice(0, 4));
}

/** NĐ 30/2020, Phụ lục I, mục II.3.a: numbers below 10 are written with a leading 0. */
export function formatNumber(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Ký hiệu: type abbreviation + issuing body (typed documents: "QĐ-UBND"); công văn: issuing
 * body + drafting unit or field ("UBND-KT"). NĐ 30/2020, Phụ lục I, mục II.3.b.
 */
export function buildNotation(type: string, issuerShort: string, draftingShort?: string | null): string {
  if (UNABBREVIATED.has(type)) return draftingShort ? `${issuerShort}-${draftingShort}` : issuerShort;
  return `${type}-${issuerShort}`;
}

/** "số/ký hiệu", with "/" and no spaces (Phụ lục I, mục II.3). */
export function formatCode(n: number, notation: string): string {
  return `${formatNumber(n)}/${notation}`;
}

export type Series = 'normal' | 'secret' | `legal:${string}`;

/**
 * Which number series an outgoing document takes. Legal normative documents are numbered
 * per type, and secret documents separately (NĐ 30/2020, Điều 15 khoản 1–2).
 */
export function seriesOf(d: { type: string; legalNormative?: boolean; secrecy?: number }): Series {
  if (d.legalNormative) return `legal:${d.type}`;
  if ((d.secrecy ?? 0) > 0) return 'secret';
  return 'normal';
}

export function outgoingScope(issuerUnitId: string, series: Series): string {
  return `out:${issuerUnitId}:${series}`;
}

/** Incoming arrival numbers: one series per receiving organisation and year, paper and electronic together (Điều 22). */
export function incomingScope(registerUnitId: string): string {
  return `in:${registerUnitId}`;
}
