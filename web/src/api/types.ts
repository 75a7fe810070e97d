/** Shapes of the HTTP contract in docs/API.md. */

export type Role =
  | 'admin'
  | 'clerk'
  | 'specialist'
  | 'dept_head'
  | 'office_leader'
  | 'vice_chairman'
  | 'chairman'
  | 'agency_user'
  | 'commune_user';

export const ROLES: readonly Role[] = [
  'admin',
  'clerk',
  'specialist',
  'dept_head',
  'office_leader',
  'vice_chairman',
  'chairman',
  'agency_user',
  'commune_user',
];

export type Clearance = 0 | 1 | 2 | 3;
export const CLEARANCES: readonly Clearance[] = [0, 1, 2, 3];

export interface Person {
  id: string;
  username: string;
  fullName: string;
  position: string;
  unitId: string | null;
  unitName: string | null;
  roles: string[];
  permissions: string[];
  clearance: Clearance;
  active: boolean;
}

export type User = Person;

export interface Session {
  user: User;
  csrfToken: string;
}

export type UnitLevel = 'province' | 'office' | 'department' | 'agency' | 'commune';
export const UNIT_LEVELS: readonly UnitLevel[] = ['province', 'office', 'department', 'agency', 'commune'];

export interface Unit {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  level: UnitLevel;
  type: string | null;
  parentId: string | null;
  orgId: string | null;
  areaCode: string | null;
  areaName: string | null;
  fieldCodes: string[];
  active: boolean;
}

export interface Field {
  code: string;
  name: string;
  nameEn: string | null;
}

export interface Area {
  code: string;
  name: string;
  communeCount: number;
}

export interface Assignment {
  id: string;
  leader: { id: string; fullName: string; position: string };
  fields: { code: string; name: string }[];
  areas: { code: string; name: string }[];
  agencies: { id: string; name: string; shortName: string | null }[];
  validFrom: string;
  validTo: string | null;
  note: string | null;
}

export interface Quota {
  unitId: string;
  unitName: string;
  year: number;
  approvedCivil: number;
  approvedPublic: number;
  actualCivil: number;
  actualPublic: number;
  overQuota: boolean;
}

/** The audit row shape is not fixed by the contract; every field is read defensively. */
export interface AuditRow {
  id: string | number;
  at?: string;
  createdAt?: string;
  ts?: string;
  actorId?: string | null;
  actorName?: string | null;
  actorUsername?: string | null;
  username?: string | null;
  action?: string;
  entity?: string;
  entityId?: string | null;
  hash?: string;
  [key: string]: unknown;
}

export interface AuditVerify {
  ok: boolean;
  checked: number;
  firstBrokenId: string | number | null;
}

export interface ListResponse<T> {
  items: T[];
  total: number;
}

// ───────────────────────────── documents (issue 3) ─────────────────────────────

export type Direction = 'in' | 'out';
/** 0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc, 4 hỏa tốc hẹn giờ (edXML Priority). */
export type Urgency = 0 | 1 | 2 | 3 | 4;
export const URGENCIES: readonly Urgency[] = [0, 1, 2, 3, 4];
/** 0 thường, 1 Mật, 2 Tối mật, 3 Tuyệt mật. */
export type Secrecy = 0 | 1 | 2 | 3;
export const SECRECIES: readonly Secrecy[] = [0, 1, 2, 3];

export const INCOMING_STATUSES = ['registered', 'recalled'] as const;
export const OUTGOING_STATUSES = ['draft', 'signed', 'issued', 'released', 'recalled', 'cancelled'] as const;
export type DocumentStatus = (typeof INCOMING_STATUSES)[number] | (typeof OUTGOING_STATUSES)[number];

/** Thẩm quyền ký (NĐ 30/2020, Điều 13); '' is the head signing in his own name. */
export const SIGNING_FORMS = ['TM.', 'KT.', 'TL.', 'Q.', 'TUQ.', ''] as const;
export type SigningForm = (typeof SIGNING_FORMS)[number];

export interface DocType {
  code: string;
  name: string;
  nameEn: string;
}

export interface DocumentFile {
  sha256: string;
  name: string;
  kind: 'main' | 'attachment';
  mime: string;
  size: number;
}

export interface DocRecipient {
  unitId: string | null;
  name: string;
}

export interface Document {
  id: string;
  direction: Direction;
  registerUnitId: string;
  year: number;
  arrivalNumber: number | null;
  arrivalDate: string | null;
  number: number | null;
  notation: string | null;
  code: string | null;
  issuer: { unitId: string | null; name: string };
  draftingUnitId: string | null;
  issuedDate: string | null;
  type: string;
  typeName: string;
  subject: string;
  body: string;
  signer: { form: string | null; position: string | null; name: string | null; userId: string | null };
  urgency: number;
  secrecy: number;
  pages: number | null;
  recipients: DocRecipient[];
  dueDate: string | null;
  fields: string[];
  referencedCodes: string[];
  status: string;
  source: string;
  series: string | null;
  legalNormative: boolean;
  duplicateOf: string | null;
  sourceDocumentId: string | null;
  correctsId: string | null;
  formatCheckerId: string | null;
  contentCheckedBy: string | null;
  formatCheckedBy: string | null;
  version: number;
  createdAt: string;
  files: DocumentFile[];
}

export interface TraceRow {
  at: string;
  actorName: string;
  action: string;
  detail: unknown;
}

export type DocumentWithTrace = Document & { trace: TraceRow[] };

export type Facets = Record<'type' | 'status' | 'urgency' | 'field', Record<string, number>>;

export interface DocumentPage {
  items: Document[];
  total: number;
  /** False when a search matched so many documents that total and facets cover only the first ones. */
  totalExact?: boolean;
  /** True when total and facets are estimated from a sample: shown as "khoảng". */
  totalEstimated?: boolean;
  facets: Facets;
  page: number;
  pageSize: number;
}

export interface DocumentQuery {
  q?: string;
  from?: string;
  to?: string;
  type?: string;
  field?: string;
  status?: string;
  urgency?: number;
  issuer?: string;
  year?: number;
  page?: number;
  pageSize?: number;
  sort?: 'newest' | 'oldest' | 'relevance';
}

/** IncomingIn of the contract. */
export interface IncomingInput {
  issuer: { unitCode?: string; name?: string };
  number?: number | null;
  notation?: string | null;
  issuedDate: string;
  type: string;
  subject: string;
  signer?: { form?: SigningForm; position?: string; name?: string };
  urgency?: number;
  secrecy?: number;
  pages?: number;
  recipients?: (string | { unitId?: string | null; name: string })[];
  dueDate?: string;
  fields?: string[];
  text?: string;
  referencedCodes?: string[];
  references?: ReferenceInput[];
  confirmDuplicate?: boolean;
}

export interface DuplicateOf {
  id: string;
  arrivalNumber: number | null;
  arrivalDate: string | null;
  url?: string;
}

export interface ExtractedField<T = unknown> {
  value: T | null;
  confidence: number;
  flags?: string[];
  raw?: string;
}

export const EXTRACTED_FIELDS = [
  'issuer',
  'number',
  'notation',
  'place',
  'issuedDate',
  'type',
  'subject',
  'signingForm',
  'signerPosition',
  'signerName',
  'recipients',
  'referencedCodes',
  'urgency',
  'secrecy',
] as const;
export type ExtractedFieldName = (typeof EXTRACTED_FIELDS)[number];

export interface Extraction {
  fields: Partial<Record<ExtractedFieldName, ExtractedField | null>>;
  text: string;
  source: 'text' | 'pdf-text' | 'docx' | 'ocr' | string;
  ocrAvailable: boolean;
}

export interface OcrStatus {
  available: boolean;
  message: string;
}

/** POST /api/outgoing body. */
export interface DraftInput {
  type: string;
  subject: string;
  issuer?: { unitCode: string };
  draftingUnitCode?: string;
  body?: string;
  fields?: string[];
  recipients?: (string | { unitCode: string } | { unitId: string })[];
  urgency?: number;
  secrecy?: number;
  legalNormative?: boolean;
  dueDate?: string;
  signer?: { form?: SigningForm; position?: string; name?: string };
  formatCheckerId?: string;
}

export interface DocumentVersion {
  version: number;
  subject: string;
  body: string;
  createdAt: string;
  createdBy: string | null;
}

export interface FormatViolation {
  code: string;
  field: string | null;
  message: string;
  messageEn: string;
  citation: string;
}

export interface FormatCheck {
  violations: FormatViolation[];
  ok: boolean;
  recorded: boolean;
}

export interface ReleaseResult {
  document: Document;
  delivered: { unitId: string; incomingId: string; arrivalNumber: number }[];
}

export interface Register {
  year: number;
  direction: Direction;
  rows: Document[];
}

// ───────────────────────────── routing (issue 4) ─────────────────────────────

export const FLOWS = [
  'SUBMIT_TO_LEADER',
  'SEND_TO_AGENCY_FOR_ADVICE',
  'HANDLE_IN_OFFICE',
  'FOR_INFORMATION',
  'RETURN_TO_SENDER',
] as const;
export type Flow = (typeof FLOWS)[number];

export const SENDER_LEVELS = ['commune', 'agency', 'province', 'central', 'business', 'citizen', 'other'] as const;
export type SenderLevel = (typeof SENDER_LEVELS)[number];

export const REQUEST_KINDS = [
  'de_nghi',
  'xin_y_kien',
  'xin_chu_truong',
  'bao_cao',
  'moi_hop',
  'de_biet',
  'khac',
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const COMPETENCE_LEVELS = ['commune', 'agency', 'ppc', 'chairman'] as const;
export type CompetenceLevel = (typeof COMPETENCE_LEVELS)[number];

export const REFERENCE_KINDS = ['advice', 'response', 'other'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

/** A document the incoming one cites: an agency's advice, our letter it answers, or another. */
export interface ReferenceInput {
  code: string;
  issuer?: { unitCode?: string; name?: string };
  kind?: ReferenceKind;
}

export interface Ref {
  id: string;
  name: string;
}

export type FieldSource = 'given' | 'keywords' | 'classifier' | 'confirmed' | 'none';

export interface Route {
  flow: Flow | string;
  leader: Ref | null;
  department: Ref | null;
  leadAgency: Ref | null;
  coAgencies: Ref[];
  deadline: string | null;
  flags: { code: string; message: string }[];
  reasons: { rule: string; text: string }[];
  guidance: string | null;
  policyVersion: number;
  field: { code: string | null; source: FieldSource | string; confidence: number | null };
}

export interface StoredRoute extends Route {
  routeDate: string;
  acted: boolean;
  overridden: boolean;
  overrideReason: string | null;
  computedAt: string;
  /** The earlier document this one sends again (resubmission control of commune documents). */
  resubmissionOf: { id: string; arrivalNumber: number } | null;
}

export interface RouteOverrideInput {
  flow?: Flow;
  leaderId?: string | null;
  departmentId?: string | null;
  leadAgencyId?: string | null;
  field?: string;
  deadline?: string | null;
  reason: string;
}

export type Condition =
  | { always: true }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { senderLevel: string[] }
  | { senderUnit: string[] }
  | { senderArea: string[] }
  | { type: string[] }
  | { field: string[] }
  | { urgencyAtLeast: number }
  | { secrecyAtLeast: number }
  | { textHas: string[] }
  | { requestKind: string[] }
  | { hasAdvice: boolean }
  | { isResponse: boolean }
  | { competence: string[] };

export type DeadlineUnit = 'working_days' | 'calendar_days';

export type Action =
  | { setFlow: string }
  | { setLeader: 'by_field' | 'by_area' | 'chairman' | string }
  | { setDepartment: string }
  | { setLeadAgency: string }
  | { addCoAgencies: string[] }
  | { setDeadline: { amount: number; unit: DeadlineUnit } }
  | { addFlag: string }
  | { setGuidance: string };

export interface Rule {
  id: string;
  name: string;
  enabled?: boolean;
  when: Condition;
  then: Action[];
  stop?: boolean;
}

export interface Policy {
  rules: Rule[];
  keywords: Record<string, string[]>;
}

export interface PolicyVersionInfo {
  version: number;
  status: 'draft' | 'published' | 'superseded' | string;
  note: string;
  createdAt: string;
  publishedAt: string | null;
}

export interface PolicyVersion extends PolicyVersionInfo {
  policy: Policy;
}

export interface PolicyState {
  live: PolicyVersion | null;
  draft: PolicyVersion | null;
  vocabulary: { flows: string[]; requestKinds: string[]; competence: string[] };
}

export interface PolicyProblem {
  ruleId: string | null;
  path: string;
  code: string;
  message: string;
}

export interface RouteBrief {
  flow: string;
  leader: Ref | null;
  leadAgency: Ref | null;
  deadline: string | null;
}

export interface DryRunItem {
  documentId: string;
  arrivalNumber: number | null;
  code: string | null;
  subject: string;
  changes: string[];
  before: RouteBrief;
  after: RouteBrief;
}

export interface DryRunResult {
  checked: number;
  changed: number;
  items: DryRunItem[];
}

export interface CatalogueEntry {
  id?: string;
  field: string;
  matter: string[];
  requestKinds: string[];
  level: CompetenceLevel;
  adviceAgency: string | null;
  basis: string;
  guidance: string;
}

export interface CommuneStat {
  unitId: string;
  code: string;
  name: string;
  areaCode: string | null;
  total: number;
  returnedShare: number;
  adviceShare: number;
  topFields: { code: string; n: number }[];
  trend: number[];
}

export interface CommunesOverview {
  months: string[];
  items: CommuneStat[];
}

/** POST /api/incoming answers the document with the route it was given. */
/** A registration's answer: the route's decision without its reasons (read with the document). */
export type RegisteredDocument = Document & { route?: Omit<Route, 'reasons'> | null };
