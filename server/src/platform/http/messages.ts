/** Vietnamese (and English) labels of request fields, so an error names the field a person sees. */
export const FIELD_LABELS: Record<string, [vi: string, en: string]> = {
  username: ['Tên đăng nhập', 'User name'],
  password: ['Mật khẩu', 'Password'],
  name: ['Tên', 'Name'],
  nameEn: ['Tên tiếng Anh', 'English name'],
  code: ['Mã', 'Code'],
  shortName: ['Tên viết tắt', 'Short name'],
  level: ['Cấp', 'Level'],
  type: ['Loại', 'Type'],
  parentId: ['Đơn vị cấp trên', 'Parent unit'],
  orgId: ['Mã định danh', 'Organisation identifier'],
  areaCode: ['Địa bàn', 'Area'],
  fieldCodes: ['Lĩnh vực', 'Fields'],
  areaCodes: ['Địa bàn', 'Areas'],
  agencyIds: ['Cơ quan phụ trách', 'Agencies'],
  validFrom: ['Hiệu lực từ ngày', 'Valid from'],
  note: ['Ghi chú', 'Note'],
  fullName: ['Họ và tên', 'Full name'],
  position: ['Chức vụ', 'Position'],
  unitId: ['Đơn vị', 'Unit'],
  roles: ['Vai trò', 'Roles'],
  clearance: ['Mức tiếp cận bí mật', 'Secrecy clearance'],
  active: ['Trạng thái hoạt động', 'Active'],
  year: ['Năm', 'Year'],
  approvedCivil: ['Biên chế công chức được giao', 'Approved civil servants'],
  approvedPublic: ['Số người làm việc được giao', 'Approved public employees'],
  actualCivil: ['Công chức hiện có', 'Actual civil servants'],
  actualPublic: ['Viên chức hiện có', 'Actual public employees'],
  date: ['Ngày', 'Date'],
  leaderId: ['Lãnh đạo', 'Leader'],
  limit: ['Giới hạn', 'Limit'],
  id: ['Mã bản ghi', 'Record id'],
  body: ['Nội dung yêu cầu', 'Request body'],
  issuer: ['Cơ quan ban hành', 'Issuing body'],
  unitCode: ['Mã đơn vị', 'Unit code'],
  number: ['Số', 'Number'],
  notation: ['Ký hiệu', 'Notation'],
  issuedDate: ['Ngày ban hành', 'Issue date'],
  subject: ['Trích yếu', 'Subject'],
  signer: ['Người ký', 'Signer'],
  form: ['Thẩm quyền ký', 'Signing form'],
  urgency: ['Độ khẩn', 'Urgency'],
  secrecy: ['Độ mật', 'Secrecy'],
  pages: ['Số trang', 'Page count'],
  recipients: ['Nơi nhận', 'Recipients'],
  dueDate: ['Hạn xử lý', 'Deadline'],
  fields: ['Lĩnh vực', 'Fields'],
  text: ['Nội dung văn bản', 'Text'],
  file: ['Tệp đính kèm', 'File'],
  signerUserId: ['Người ký', 'Signer'],
  draftingUnitCode: ['Đơn vị soạn thảo', 'Drafting unit'],
  from: ['Từ ngày', 'From'],
  to: ['Đến ngày', 'To'],
  q: ['Từ khóa', 'Search text'],
  reason: ['Lý do', 'Reason'],
  data: ['Dữ liệu kèm tệp', 'Form data'],
  references: ['Văn bản dẫn chiếu', 'References'],
  policy: ['Chính sách phân luồng', 'Routing policy'],
  rules: ['Quy tắc', 'Rules'],
  leadAgencyId: ['Cơ quan chủ trì', 'Lead agency'],
  departmentId: ['Phòng xử lý', 'Department'],
  deadline: ['Hạn xử lý', 'Deadline'],
  entries: ['Danh mục thẩm quyền', 'Competence catalogue'],
  lastN: ['Số văn bản chạy thử', 'Documents to dry-run'],
  days: ['Số ngày làm việc', 'Working days'],
  kind: ['Loại ngày', 'Kind of day'],
  basis: ['Căn cứ pháp lý', 'Legal basis'],
  content: ['Nội dung nhiệm vụ', 'Task'],
  instruction: ['Ý kiến chỉ đạo', 'Instruction'],
  leadUserId: ['Người chủ trì', 'Lead person'],
  userId: ['Người được giao', 'Assignee'],
  result: ['Kết quả', 'Result'],
  percent: ['Tiến độ (%)', 'Progress (%)'],
  tasks: ['Danh sách nhiệm vụ', 'Tasks'],
};

export function fieldLabel(path: string | undefined, lang: 'vi' | 'en'): string {
  if (!path) return lang === 'vi' ? 'dữ liệu' : 'data';
  const last =
    path
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .pop() ?? path;
  const l = FIELD_LABELS[last];
  const label = l ? l[lang === 'vi' ? 0 : 1] : last;
  return `${label} (${path})`;
}

type Msg = (p: Record<string, string | number>, field: string) => string;

/** One list of error codes and their messages, [Vietnamese, English]. */
export const MESSAGES: Record<string, [Msg, Msg]> = {
  VALIDATION_FAILED: [
    (p, f) => `Trường ${f} không hợp lệ${p.detail ? `: ${p.detail}` : ''}.`,
    (p, f) => `Field ${f} is invalid${p.detailEn ? `: ${p.detailEn}` : ''}.`,
  ],
  REQUIRED: [(_p, f) => `Trường ${f} là bắt buộc.`, (_p, f) => `Field ${f} is required.`],
  INVALID_JSON: [() => 'Nội dung yêu cầu không phải JSON hợp lệ.', () => 'The request body is not valid JSON.'],
  UNAUTHENTICATED: [
    () => 'Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn.',
    () => 'You are not signed in, or your session has expired.',
  ],
  FORBIDDEN: [
    (p) => `Bạn không có quyền thực hiện thao tác này (cần quyền ${p.permission ?? ''}).`,
    (p) => `You are not allowed to do this (requires ${p.permission ?? ''}).`,
  ],
  CSRF_INVALID: [
    () => 'Thiếu hoặc sai mã chống giả mạo yêu cầu (x-csrf-token).',
    () => 'Missing or wrong anti-forgery token (x-csrf-token).',
  ],
  INVALID_CREDENTIALS: [() => 'Tên đăng nhập hoặc mật khẩu không đúng.', () => 'Wrong user name or password.'],
  TOO_MANY_ATTEMPTS: [
    (p) => `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${p.seconds ?? 60} giây.`,
    (p) => `Too many failed sign-ins. Try again in ${p.seconds ?? 60} seconds.`,
  ],
  NOT_FOUND: [(p) => `Không tìm thấy ${p.entity ?? 'bản ghi'}.`, (p) => `${p.entity ?? 'Record'} not found.`],
  ROUTE_NOT_FOUND: [() => 'Không có địa chỉ API này.', () => 'No such API route.'],
  UNIT_CODE_TAKEN: [(_p, f) => `${f}: mã đơn vị đã tồn tại.`, (_p, f) => `${f}: unit code already exists.`],
  ORG_ID_TAKEN: [(_p, f) => `${f}: mã định danh đã được dùng.`, (_p, f) => `${f}: identifier already in use.`],
  USERNAME_TAKEN: [(_p, f) => `${f}: tên đăng nhập đã tồn tại.`, (_p, f) => `${f}: user name already exists.`],
  FIELD_CODE_TAKEN: [(_p, f) => `${f}: mã lĩnh vực đã tồn tại.`, (_p, f) => `${f}: field code already exists.`],
  UNKNOWN_REFERENCE: [
    (p, f) => `${f}: không tồn tại giá trị «${p.value ?? ''}».`,
    (p, f) => `${f}: unknown value "${p.value ?? ''}".`,
  ],
  PARENT_CYCLE: [
    (_p, f) => `${f}: đơn vị không thể trực thuộc chính nó hoặc đơn vị cấp dưới của nó.`,
    (_p, f) => `${f}: a unit cannot sit under itself or its own sub-unit.`,
  ],
  NOT_A_LEADER: [
    (_p, f) => `${f}: người này không phải Chủ tịch hoặc Phó Chủ tịch UBND tỉnh.`,
    (_p, f) => `${f}: this person is not the Chairman or a Vice Chairman.`,
  ],
  ASSIGNMENT_BEFORE_CURRENT: [
    (p, f) => `${f}: phải sau ngày bắt đầu của phân công hiện hành (${p.current ?? ''}).`,
    (p, f) => `${f}: must be after the start of the current assignment (${p.current ?? ''}).`,
  ],
  PASSWORD_TOO_SHORT: [
    (p, f) => `${f}: mật khẩu phải có ít nhất ${p.min ?? 10} ký tự.`,
    (p, f) => `${f}: the password needs at least ${p.min ?? 10} characters.`,
  ],
  NO_REGISTER: [
    () => 'Tài khoản chưa thuộc cơ quan nào nên không có sổ văn bản.',
    () => 'Your account belongs to no organisation, so it has no register.',
  ],
  CLEARANCE_TOO_LOW: [
    (_p, f) => `${f}: độ mật vượt quá mức được tiếp cận của bạn.`,
    (_p, f) => `${f}: the secrecy level exceeds your clearance.`,
  ],
  ISSUED_AFTER_ARRIVAL: [
    (p, f) => `${f}: ngày ban hành không thể sau ngày đến (${p.arrival ?? ''}).`,
    (p, f) => `${f}: the issue date cannot be after the arrival date (${p.arrival ?? ''}).`,
  ],
  DUE_BEFORE_ISSUED: [
    (_p, f) => `${f}: hạn xử lý trước ngày ban hành.`,
    (_p, f) => `${f}: the deadline is before the issue date.`,
  ],
  DUPLICATE_DOCUMENT: [
    (p) => `Văn bản này có thể đã được đăng ký (số đến ${p.arrivalNumber ?? ''}). Xác nhận để đăng ký lại.`,
    (p) =>
      `This document may already be registered (arrival number ${p.arrivalNumber ?? ''}). Confirm to register it again.`,
  ],
  NOT_OUTGOING: [(_p, f) => `${f}: không phải văn bản đi.`, (_p, f) => `${f}: not an outgoing document.`],
  FORBIDDEN_ISSUER: [
    (_p, f) => `${f}: bạn chỉ được soạn văn bản của cơ quan mình.`,
    (_p, f) => `${f}: you may only draft in your own organisation's name.`,
  ],
  NOT_A_DRAFT: [
    (p) => `Văn bản không còn là dự thảo (trạng thái: ${p.status ?? ''}).`,
    (p) => `The document is no longer a draft (status: ${p.status ?? ''}).`,
  ],
  CHECKS_PENDING: [
    () => 'Dự thảo chưa được kiểm tra nội dung và thể thức nên chưa thể ký.',
    () => 'The draft has not passed the content and format checks, so it cannot be signed.',
  ],
  SIGN_FOR_OTHER: [
    (_p, f) => `${f}: chỉ quản trị được ghi chữ ký thay người khác.`,
    (_p, f) => `${f}: only an admin may record another person's signature.`,
  ],
  SIGNING_FORM_MISMATCH: [
    (p) => String(p.detail ?? 'Thẩm quyền ký không phù hợp chức vụ.'),
    (p) => String(p.detail ?? 'Signing form does not match the position.'),
  ],
  NOT_SIGNED: [
    (p) => `Văn bản chưa được ký nên chưa thể cấp số (trạng thái: ${p.status ?? ''}).`,
    (p) => `The document is not signed, so it cannot be numbered (status: ${p.status ?? ''}).`,
  ],
  NOT_ISSUED: [
    (p) => `Văn bản chưa được cấp số hoặc đã phát hành (trạng thái: ${p.status ?? ''}).`,
    (p) => `The document is not issued, or already released (status: ${p.status ?? ''}).`,
  ],
  NOT_RELEASED: [
    (p) => `Văn bản chưa phát hành nên không thể thu hồi (trạng thái: ${p.status ?? ''}).`,
    (p) => `The document was not released, so it cannot be recalled (status: ${p.status ?? ''}).`,
  ],
  FILE_EMPTY: [(_p, f) => `${f}: tệp rỗng (0 byte).`, (_p, f) => `${f}: the file is empty (0 bytes).`],
  FILE_TOO_LARGE: [
    (p, f) => `${f}: tệp vượt quá dung lượng cho phép${p.max ? ` (${Math.round(Number(p.max) / 1048576)} MB)` : ''}.`,
    (p, f) => `${f}: the file is over the size limit${p.max ? ` (${Math.round(Number(p.max) / 1048576)} MB)` : ''}.`,
  ],
  FILE_TYPE_UNSUPPORTED: [
    (_p, f) =>
      `${f}: định dạng tệp không được hỗ trợ (chỉ nhận PDF, DOCX, PNG, JPEG, TIFF; xác định theo nội dung tệp).`,
    (_p, f) => `${f}: unsupported file type (PDF, DOCX, PNG, JPEG, TIFF only; detected from the content).`,
  ],
  PDF_ENCRYPTED: [
    (_p, f) => `${f}: tệp PDF có mật khẩu hoặc bị mã hóa, không đọc được.`,
    (_p, f) => `${f}: the PDF is password-protected or encrypted.`,
  ],
  PDF_CORRUPT: [
    (_p, f) => `${f}: tệp PDF bị hỏng hoặc không đầy đủ.`,
    (_p, f) => `${f}: the PDF is damaged or truncated.`,
  ],
  DOCX_CORRUPT: [(_p, f) => `${f}: tệp DOCX bị hỏng.`, (_p, f) => `${f}: the DOCX file is damaged.`],
  ZIP_BOMB: [
    (_p, f) => `${f}: tệp nén giải ra quá lớn hoặc quá nhiều phần (nghi «bom nén»), đã từ chối.`,
    (_p, f) => `${f}: the archive unpacks too large or into too many parts (suspected zip bomb); refused.`,
  ],
  OCR_UNAVAILABLE: [
    (_p, f) => `${f}: máy chủ chưa cài nhận dạng chữ (OCR) tiếng Việt nên không đọc được bản quét. Hãy nhập tay.`,
    (_p, f) =>
      `${f}: Vietnamese OCR is not installed on the server, so scans cannot be read. Enter the fields by hand.`,
  ],
  OCR_FAILED: [
    (_p, f) => `${f}: không nhận dạng được chữ trong bản quét.`,
    (_p, f) => `${f}: no text could be recognised in the scan.`,
  ],
  FILE_NAME_MISMATCH: [
    (p, f) =>
      `${f}: tên tệp «${p.name ?? ''}» không khớp nội dung (thực chất là ${p.kind ?? ''}). Hãy kiểm tra lại tệp.`,
    (p, f) => `${f}: the file name "${p.name ?? ''}" does not match its content (actually ${p.kind ?? ''}).`,
  ],
  FILE_REQUIRED: [(_p, f) => `${f}: chưa chọn tệp.`, (_p, f) => `${f}: no file was sent.`],
  POLICY_INVALID: [
    (p) => `Chính sách phân luồng không hợp lệ — quy tắc «${p.rule || '?'}»: ${p.detail ?? ''}`,
    (p) => `The routing policy is invalid — rule "${p.rule || '?'}": ${p.detail ?? ''}`,
  ],
  NOT_INCOMING: [(_p, f) => `${f}: không phải văn bản đến.`, (_p, f) => `${f}: not an incoming document.`],
  CALENDAR_MAKEUP_NOT_WEEKEND: [
    (p, f) => `${f}: ngày làm bù phải là thứ Bảy hoặc Chủ nhật (${p.date ?? ''} là ngày làm việc bình thường).`,
    (p, f) => `${f}: a make-up working day must be a Saturday or Sunday (${p.date ?? ''} is an ordinary working day).`,
  ],
  CALENDAR_WORKDAY_ON_WEEKEND: [
    (p, f) => `${f}: ${p.date ?? ''} là thứ Bảy hoặc Chủ nhật; ngày cuối tuần được đi làm thì chọn loại «ngày làm bù».`,
    (p, f) =>
      `${f}: ${p.date ?? ''} is a Saturday or Sunday; for a weekend day that is worked, choose "make-up working day".`,
  ],
  CALENDAR_DAY_NOT_STORED: [
    (p, f) =>
      `${f}: ngày ${p.date ?? ''} chưa có ngày chính thức đã lưu (chỉ có ngày mặc định theo luật). Để hủy một ngày nghỉ mặc định, hãy lưu ngày đó với loại «ngày làm việc».`,
    (p, f) =>
      `${f}: nothing is stored for ${p.date ?? ''} (only the default computed from the law). To cancel a default day off, store the date as an ordinary "working day".`,
  ],
  NOT_YOUR_TASK: [
    () => 'Nhiệm vụ này không giao cho bạn hoặc đơn vị của bạn.',
    () => 'This task is not assigned to you or your unit.',
  ],
  TASK_CLOSED: [
    (p) => `Nhiệm vụ đã kết thúc (trạng thái: ${p.status ?? ''}).`,
    (p) => `The task is closed (status: ${p.status ?? ''}).`,
  ],
  HANDLING_STATE: [
    (p) => `Văn bản không ở bước xử lý phù hợp (trạng thái: ${p.status ?? ''}).`,
    (p) => `The document is not at a suitable handling step (status: ${p.status ?? ''}).`,
  ],
  DEADLINE_BEFORE_ARRIVAL: [
    (_p, f) => `${f}: hạn xử lý trước ngày đến của văn bản.`,
    (_p, f) => `${f}: the deadline is before the arrival date.`,
  ],
  EMPTY_TEXT: [
    (_p, f) => `${f}: chưa có nội dung thông báo kết luận.`,
    (_p, f) => `${f}: the conclusions notice is empty.`,
  ],
  NO_TASKS: [
    (_p, f) => `${f}: không tìm thấy nhiệm vụ nào (các mục đánh số 1., 2., … hoặc gạch đầu dòng).`,
    (_p, f) => `${f}: no tasks found (numbered points 1., 2., … or bullets).`,
  ],
  NO_DRAFT: [() => 'Chưa có bản nháp chính sách phân luồng.', () => 'There is no draft routing policy.'],
  INTERNAL: [() => 'Lỗi hệ thống. Vui lòng thử lại sau.', () => 'Internal error. Please try again later.'],
};

export function messageFor(
  code: string,
  params: Record<string, string | number>,
  field: string | undefined,
): { message: string; messageEn: string } {
  const m = MESSAGES[code] ?? MESSAGES.INTERNAL!;
  return { message: m[0](params, fieldLabel(field, 'vi')), messageEn: m[1](params, fieldLabel(field, 'en')) };
}
