import { api } from './client';
import type {
  Area,
  Assignment,
  AuditRow,
  AuditVerify,
  Clearance,
  Field,
  ListResponse,
  Person,
  Quota,
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
