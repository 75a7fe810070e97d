import { api } from './client';
import type {
  Area,
  Assignment,
  AuditRow,
  AuditVerify,
  Clearance,
  Direction,
  DocType,
  DocumentPage,
  DocumentQuery,
  DocumentVersion,
  DocumentWithTrace,
  Document,
  DraftInput,
  Extraction,
  Field,
  FormatCheck,
  IncomingInput,
  OcrStatus,
  Register,
  ReleaseResult,
  SigningForm,
  ListResponse,
  Person,
  Quota,
  CatalogueEntry,
  CommunesOverview,
  DryRunResult,
  PolicyState,
  PolicyVersion,
  PolicyVersionInfo,
  Policy,
  RegisteredDocument,
  Route,
  RouteOverrideInput,
  StoredRoute,
  Session,
  Unit,
  UnitLevel,
} from './types';

export const authApi = {
  me: () => api.get<Session>('/api/auth/me'),
  login: (username: string, password: string) => api.post<Session>('/api/auth/login', { username, password }),
  logout: () => api.post<{ ok: true }>('/api/auth/logout'),
};

export interface UnitInput {
  code: string;
  name: string;
  shortName: string;
  level: UnitLevel;
  type: string;
  parentId?: string | null;
  orgId?: string | null;
  areaCode?: string | null;
  fieldCodes?: string[];
}

export const orgApi = {
  units: (query: { level?: UnitLevel; parentId?: string; areaCode?: string; q?: string } = {}) =>
    api.get<ListResponse<Unit>>('/api/org/units', query),
  unit: (id: string) => api.get<Unit>(`/api/org/units/${encodeURIComponent(id)}`),
  createUnit: (input: UnitInput) => api.post<Unit>('/api/org/units', input),
  updateUnit: (id: string, input: Partial<UnitInput>) =>
    api.patch<Unit>(`/api/org/units/${encodeURIComponent(id)}`, input),
  fields: () => api.get<ListResponse<Field>>('/api/org/fields'),
  areas: () => api.get<ListResponse<Area>>('/api/org/areas'),
};

export interface PersonInput {
  username: string;
  fullName: string;
  position: string;
  unitId: string;
  roles: string[];
  clearance: Clearance;
  password?: string;
  active?: boolean;
}

export const peopleApi = {
  list: (query: { unitId?: string; q?: string } = {}) => api.get<ListResponse<Person>>('/api/org/people', query),
  create: (input: PersonInput) => api.post<Person>('/api/org/people', input),
  update: (id: string, input: Partial<PersonInput>) =>
    api.patch<Person>(`/api/org/people/${encodeURIComponent(id)}`, input),
};

export interface AssignmentInput {
  fieldCodes: string[];
  areaCodes: string[];
  agencyIds: string[];
  validFrom: string;
  note?: string;
}

export const assignmentsApi = {
  list: (date?: string) => api.get<ListResponse<Assignment> & { date: string }>('/api/org/assignments', { date }),
  history: (leaderId: string) => api.get<ListResponse<Assignment>>('/api/org/assignments/history', { leaderId }),
  put: (leaderId: string, input: AssignmentInput) =>
    api.put<Assignment>(`/api/org/assignments/${encodeURIComponent(leaderId)}`, input),
};

export interface QuotaInput {
  unitId: string;
  year: number;
  approvedCivil: number;
  approvedPublic: number;
  actualCivil: number;
  actualPublic: number;
}

export const quotasApi = {
  list: (year: number) => api.get<ListResponse<Quota> & { year: number }>('/api/org/quotas', { year }),
  put: (input: QuotaInput) => api.put<Quota>('/api/org/quotas', input),
};

export const auditApi = {
  list: (query: { entity?: string; entityId?: string; limit?: number } = {}) =>
    api.get<ListResponse<AuditRow>>('/api/audit', query),
  verify: () => api.get<AuditVerify>('/api/audit/verify'),
};

const enc = encodeURIComponent;

export const documentsApi = {
  types: () => api.get<{ items: DocType[] }>('/api/documents/types'),
  list: (direction: Direction, query: DocumentQuery) =>
    api.get<DocumentPage>(direction === 'in' ? '/api/incoming' : '/api/outgoing', { ...query }),
  get: (id: string) => api.get<DocumentWithTrace>(`/api/documents/${enc(id)}`),
  fileUrl: (id: string, sha256: string, download = false) =>
    `/api/documents/${enc(id)}/files/${enc(sha256)}${download ? '?download=1' : ''}`,
  register: (input: IncomingInput) => api.post<RegisteredDocument>('/api/incoming', input),
  /** Upload a file; without `data` the server takes every field from the extraction. */
  upload: (file: File, data?: Partial<IncomingInput>) => {
    const form = new FormData();
    if (data) form.append('data', JSON.stringify(data));
    form.append('file', file, file.name);
    return api.upload<RegisteredDocument>('/api/incoming/upload', form);
  },
  extract: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<Extraction>('/api/extract', form);
  },
  ocrStatus: () => api.get<OcrStatus>('/api/ocr/status'),
  yearRegister: (direction: Direction, year: number) => api.get<Register>(`/api/registers/${direction}`, { year }),
};

export const outgoingApi = {
  create: (input: DraftInput) => api.post<Document>('/api/outgoing', input),
  update: (id: string, input: Partial<DraftInput>) => api.patch<Document>(`/api/outgoing/${enc(id)}`, input),
  versions: (id: string) => api.get<{ items: DocumentVersion[] }>(`/api/outgoing/${enc(id)}/versions`),
  checkContent: (id: string, approve: boolean, note?: string) =>
    api.post<Document>(`/api/outgoing/${enc(id)}/check-content`, { approve, note }),
  checkFormat: (id: string, dateLine?: string) =>
    api.post<FormatCheck>(`/api/outgoing/${enc(id)}/check-format`, dateLine ? { dateLine } : {}),
  sign: (id: string, form: SigningForm, signerUserId?: string) =>
    api.post<Document>(`/api/outgoing/${enc(id)}/sign`, { form, signerUserId }),
  issue: (id: string) => api.post<Document>(`/api/outgoing/${enc(id)}/issue`),
  release: (id: string) => api.post<ReleaseResult>(`/api/outgoing/${enc(id)}/release`),
  recall: (id: string, reason: string) => api.post<Document>(`/api/outgoing/${enc(id)}/recall`, { reason }),
  cancel: (id: string, reason: string) => api.post<Document>(`/api/outgoing/${enc(id)}/cancel`, { reason }),
  correct: (id: string, kind: 'format' | 'content') => api.post<Document>(`/api/outgoing/${enc(id)}/correct`, { kind }),
};

export const routingApi = {
  preview: (input: IncomingInput) => api.post<Route>('/api/routing/preview', input),
  route: (documentId: string) => api.get<StoredRoute>(`/api/documents/${enc(documentId)}/route`),
  override: (documentId: string, input: RouteOverrideInput) =>
    api.post<StoredRoute>(`/api/documents/${enc(documentId)}/route/override`, input),
  policy: () => api.get<PolicyState>('/api/routing/policy'),
  versions: () => api.get<{ items: PolicyVersionInfo[] }>('/api/routing/policy/versions'),
  version: (version: number) => api.get<PolicyVersion>(`/api/routing/policy/versions/${version}`),
  saveDraft: (policy: Policy, note?: string) =>
    api.put<PolicyVersion>('/api/routing/policy/draft', note ? { policy, note } : { policy }),
  dryRun: (lastN: number) => api.post<DryRunResult>('/api/routing/policy/draft/dry-run', { lastN }),
  publish: () => api.post<PolicyVersion>('/api/routing/policy/draft/publish'),
  catalogue: () => api.get<{ items: CatalogueEntry[] }>('/api/routing/catalogue'),
  saveCatalogue: (entries: CatalogueEntry[]) =>
    api.put<{ items: CatalogueEntry[] }>('/api/routing/catalogue', { entries }),
  communes: (months: number) => api.get<CommunesOverview>('/api/routing/communes', { months }),
};
