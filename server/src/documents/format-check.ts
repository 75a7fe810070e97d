import { buildNotation } from './numbering.js';
import { UNABBREVIATED } from './types.js';

export interface Violation {
  code: string;
  field: string;
  message: string;
  messageEn: string;
  /** The provision of NĐ 30/2020/NĐ-CP that the rule comes from. */
  citation: string;
}

export interface DraftForCheck {
  type: string;
  subject: string;
  body: string;
  notation?: string | null;
  issuerShort: string;
  issuerLevel: string;
  draftingShort?: string | null;
  dateLine?: string | null;
  signerForm?: string | null;
  signerPosition?: string | null;
  recipients: { name: string }[];
}

const DATE_RE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;

const norm = (s: string) => s.normalize('NFC').toLowerCase().trim();
const isDeputy = (pos: string) => /^phó(?!\p{L})/u.test(norm(pos));
const isActing = (pos: string) => /^quyền(?!\p{L})/u.test(norm(pos));
const isOrgHead = (pos: string) => /^(chủ tịch|giám đốc|chánh thanh tra|trưởng ban|bí thư)(?!\p{L})/u.test(norm(pos));
const isUnitHead = (pos: string) =>
  /^(chánh văn phòng|trưởng phòng|giám đốc trung tâm|trưởng ban)(?!\p{L})/u.test(norm(pos));

/**
 * Checks a draft's format (thể thức) before signing. Each violation cites NĐ 30/2020/NĐ-CP.
 * It checks what a format checker checks by eye; it does not judge content.
 */
export function checkFormat(d: DraftForCheck): Violation[] {
  const out: Violation[] = [];
  const v = (code: string, field: string, message: string, messageEn: string, citation: string) =>
    out.push({ code, field, message, messageEn, citation });

  if (d.notation) {
    const expected = buildNotation(d.type, d.issuerShort, d.draftingShort);
    const ok = UNABBREVIATED.has(d.type) ? d.notation.startsWith(`${d.issuerShort}`) : d.notation === expected;
    if (!ok) {
      v(
        'NOTATION_MISMATCH',
        'notation',
        `Ký hiệu «${d.notation}» không khớp loại văn bản và cơ quan ban hành (đúng: «${expected}»).`,
        `Notation "${d.notation}" does not match the type and issuing body (expected "${expected}").`,
        'NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.3.b',
      );
    }
  }

  const dateLine = d.dateLine ?? DATE_RE.exec(d.body)?.[0] ?? null;
  if (dateLine) {
    const m = DATE_RE.exec(dateLine);
    if (m) {
      const [, day, month] = m;
      if ((Number(day) < 10 && day!.length < 2) || (Number(month) <= 2 && month!.length < 2)) {
        v(
          'DATE_LEADING_ZERO',
          'dateLine',
          `Ngày, tháng «${m[0]}»: ngày nhỏ hơn 10 và tháng 1, 2 phải ghi thêm số 0 ở trước.`,
          `Date "${m[0]}": days below 10 and months 1 and 2 take a leading zero.`,
          'NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.4.b',
        );
      }
    }
  }

  const form = (d.signerForm ?? '').trim();
  const pos = d.signerPosition?.trim() ?? '';
  if (pos) {
    const cite = 'NĐ 30/2020/NĐ-CP, Điều 13 và Phụ lục I, Phần I, mục II.7.a';
    const bad = (why: string, whyEn: string) =>
      v(
        'SIGNING_FORM_MISMATCH',
        'signer.form',
        `Thẩm quyền ký «${form || 'ký trực tiếp'}» ${why}`,
        `Signing form "${form || 'direct'}" ${whyEn}`,
        cite,
      );
    if (form === 'KT.' && !isDeputy(pos))
      bad(
        `chỉ dùng cho cấp phó ký thay (chức vụ: ${pos}).`,
        `is only for a deputy signing for the head (position: ${pos}).`,
      );
    if (form === 'TM.' && (isDeputy(pos) || !isOrgHead(pos)))
      bad(
        `chỉ dùng cho người đứng đầu ký thay mặt tập thể (chức vụ: ${pos}).`,
        `is only for the head signing for a collective (position: ${pos}).`,
      );
    if (form === 'TM.' && d.issuerLevel !== 'province' && d.issuerLevel !== 'commune')
      bad('chỉ dùng cho cơ quan làm việc theo chế độ tập thể.', 'is only for bodies that work collectively.');
    if (form === 'Q.' && !isActing(pos))
      bad(
        `chỉ dùng cho cấp phó được giao quyền cấp trưởng (chức vụ: ${pos}).`,
        `is only for an acting head (position: ${pos}).`,
      );
    if (form === 'TL.' && !isUnitHead(pos))
      bad(
        `chỉ dùng cho người đứng đầu đơn vị thuộc cơ quan ký thừa lệnh (chức vụ: ${pos}).`,
        `is only for a unit head signing by order (position: ${pos}).`,
      );
    if (form === '' && isDeputy(pos))
      bad(
        `không hợp lệ: cấp phó phải ký «KT.» (chức vụ: ${pos}).`,
        `is invalid: a deputy signs "KT." (position: ${pos}).`,
      );
  }

  const subject = d.subject.trim();
  if (!subject) {
    v(
      'SUBJECT_MISSING',
      'subject',
      'Thiếu trích yếu nội dung văn bản.',
      'The subject line (trích yếu) is missing.',
      'NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.5',
    );
  } else if (d.type === 'CV' && !/^V\/v\s+\S/u.test(subject)) {
    v(
      'SUBJECT_VV',
      'subject',
      'Trích yếu của công văn phải bắt đầu bằng «V/v».',
      'The subject of an official letter must start with "V/v".',
      'NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.5.b',
    );
  }

  if (!d.recipients.length) {
    v(
      'RECIPIENTS_MISSING',
      'recipients',
      'Thiếu «Nơi nhận».',
      'The recipients list (Nơi nhận) is missing.',
      'NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.9',
    );
  }
  return out;
}
