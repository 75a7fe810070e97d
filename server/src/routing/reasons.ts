import { viDate } from '../calendar/civil-date.js';
import type { Flow } from './policy.js';

/**
 * Why a route is what it is, one entry per rule or fact that set a part of it: which rule, what
 * it did (`key`) and the values it used (`args`). Routes are stored with their reasons in this
 * form and rendered to text when shown (`renderReasons`). Why not store the text: a policy
 * rule's name opens every sentence about what that rule did, and the rendered reasons were most
 * of a route's bytes, written and sent with every registration. The name comes back from the
 * policy version that routed the document (versions never change once published); the values —
 * names of people and units, dates, the legal basis — are kept as they were on the day.
 * Routes stored before this form carry `text` and are shown as they are.
 */
export interface Reason {
  rule: string;
  key?: ReasonKey;
  args?: (string | number)[];
  /** Free text: an earlier stored form, or text the engine does not template. */
  text?: string;
}

export type ReasonKey = keyof typeof TEMPLATES;

/** A reason as the API shows it (issue 4 contract). */
export interface ShownReason {
  rule: string;
  text: string;
}

export const FLOW_TEXT: Record<Flow, string> = {
  SUBMIT_TO_LEADER: 'trình lãnh đạo UBND tỉnh',
  SEND_TO_AGENCY_FOR_ADVICE: 'chuyển cơ quan chuyên môn tham mưu trước',
  HANDLE_IN_OFFICE: 'xử lý tại Văn phòng',
  FOR_INFORMATION: 'để biết, lưu',
  RETURN_TO_SENDER: 'trả lại, hướng dẫn',
};

/** Flag texts; a policy may add its own codes, shown as written. */
export const FLAG_MESSAGES: Record<string, string> = {
  COMMUNE_NO_ADVICE: 'Đề nghị của UBND cấp xã chưa có ý kiến tham mưu của cơ quan chuyên môn.',
  COMMUNE_OWN_COMPETENCE: 'Nội dung thuộc thẩm quyền của UBND cấp xã sau phân cấp.',
  SECRET: 'Văn bản mật: hạn chế phạm vi lưu hành.',
  DUPLICATE: 'Có thể trùng với văn bản đã đăng ký.',
  RESUBMISSION: 'Gửi lại nội dung đã trả lại hoặc đang xử lý.',
  RESPONSE_TO_OURS: 'Văn bản trả lời văn bản của UBND tỉnh/Văn phòng.',
  URGENT: 'Văn bản khẩn: trình ngay.',
  NO_FIELD: 'Chưa xác định được lĩnh vực: cần người xác nhận.',
};

const s = (x: string | number | undefined) => String(x ?? '');

/** Flags whose message carries values of the day: rendered from the flag's `args`. */
const FLAG_TEMPLATES: Record<string, (args: (string | number)[]) => string> = {
  RESPONSE_TO_OURS: ([code]) => `Trả lời văn bản số ${s(code)} của UBND tỉnh/Văn phòng.`,
  DUPLICATE: ([n]) => `Có thể trùng với văn bản đến số ${s(n)}.`,
  FIELD_SUGGESTED: ([field, percent]) =>
    `Lĩnh vực gợi ý: ${s(field)} (độ tin cậy ${s(percent)}%) — cần người xác nhận.`,
};

/** A flag's message: its template with the values it was raised with, else the fixed text of its code. */
export function flagMessage(code: string, args?: readonly (string | number)[]): string {
  const t = args?.length ? FLAG_TEMPLATES[code] : undefined;
  return t ? t([...args!]) : (FLAG_MESSAGES[code] ?? code);
}

const LEVEL_TEXT: Record<string, string> = {
  commune: 'UBND cấp xã',
  agency: 'cơ quan chuyên môn',
  ppc: 'UBND tỉnh',
  chairman: 'Chủ tịch UBND tỉnh',
};

/** The text of each kind of reason; `name` is the rule's name for what a policy rule did. */
const TEMPLATES = {
  setFlow: (name: string, [flow]: (string | number)[]) => `${name}: ${FLOW_TEXT[flow as Flow] ?? s(flow)}.`,
  setLeader: (name: string, [who]: (string | number)[]) => `${name}: lãnh đạo phụ trách ${s(who)}.`,
  setDepartment: (name: string, [d]: (string | number)[]) => `${name}: phòng ${s(d)}.`,
  setLeadAgency: (name: string, [g]: (string | number)[]) => `${name}: cơ quan chủ trì ${s(g)}.`,
  addCoAgencies: (name: string) => `${name}: cơ quan phối hợp.`,
  setDeadline: (name: string, [amount, unit]: (string | number)[]) =>
    `${name}: hạn ${s(amount)} ${unit === 'working_days' ? 'ngày làm việc' : 'ngày'}.`,
  addFlag: (name: string, [code]: (string | number)[]) => `${name}: ${FLAG_MESSAGES[s(code)] ?? s(code)}`,
  setGuidance: (name: string) => `${name}: hướng dẫn kèm theo.`,
  defaultFlow: (_: string, [flow]: (string | number)[]) =>
    `Không quy tắc nào chọn luồng: ${FLOW_TEXT[flow as Flow] ?? s(flow)}.`,
  defaultLeader: (_: string, [date, who]: (string | number)[]) =>
    `Lãnh đạo phụ trách lĩnh vực/địa bàn theo phân công ngày ${viDate(s(date))}: ${s(who)}.`,
  defaultDepartment: (_: string, [d]: (string | number)[]) => `Phòng theo dõi lĩnh vực: ${s(d)}.`,
  defaultAgency: (_: string, [g]: (string | number)[]) => `Cơ quan chuyên môn theo lĩnh vực: ${s(g)}.`,
  requestedDeadline: (_: string, [date]: (string | number)[]) =>
    `Hạn xử lý theo yêu cầu của văn bản: ${viDate(s(date))}.`,
  areaLeader: (_: string, [who]: (string | number)[]) => `UBND cấp xã thuộc địa bàn do ${s(who)} phụ trách.`,
  adviceEvidence: (_: string, [quote]: (string | number)[]) => `Đã có ý kiến cơ quan chuyên môn: «${s(quote)}».`,
  competence: (_: string, [level, basis]: (string | number)[]) =>
    `Thẩm quyền: ${LEVEL_TEXT[s(level)] ?? s(level)} (${s(basis)}).`,
  fieldSuggested: (_: string, [method]: (string | number)[]) =>
    `Lĩnh vực do hệ thống gợi ý từ trích yếu (${s(method)}); người xử lý xác nhận khi tiếp nhận.`,
  responseToOurs: (_: string, [code]: (string | number)[]) => `Văn bản dẫn chiếu văn bản đi số ${s(code)}.`,
  duplicate: () => 'Cùng số, ký hiệu và cơ quan ban hành, hoặc cùng tệp, với một văn bản đã đăng ký.',
  secret: () => 'Văn bản có độ mật.',
  resubmission: (_: string, [which]: (string | number)[]) => `Cùng cơ quan gửi và trích yếu gần giống ${s(which)}.`,
  override: (_: string, [who, why]: (string | number)[]) => `Điều chỉnh bởi ${s(who)}: ${s(why)}`,
} satisfies Record<string, (ruleName: string, args: (string | number)[]) => string>;

/** A reason's text; `ruleNames` are the rule names of the policy version that routed the document. */
export function reasonText(r: Reason, ruleNames: ReadonlyMap<string, string>): string {
  if (r.key && r.key in TEMPLATES) return TEMPLATES[r.key](ruleNames.get(r.rule) ?? r.rule, r.args ?? []);
  return r.text ?? '';
}

export function renderReasons(reasons: readonly Reason[], ruleNames: ReadonlyMap<string, string>): ShownReason[] {
  return reasons.map((r) => ({ rule: r.rule, text: reasonText(r, ruleNames) }));
}
