/** Processing and follow-up (issue 5): tasks, the handling chain of incoming documents, conclusions import. */
import { api } from '../../api/client';
import type { TraceRow } from '../../api/types';

const enc = encodeURIComponent;

export type Ref = { id: string; name: string };

export const TASK_STATUSES = ['open', 'in_progress', 'done', 'returned', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type DeadlineState = 'overdue' | 'near' | 'ok' | 'none';
export const DUE_FILTERS = ['all', 'overdue', 'near'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

export interface Task {
  id: string;
  content: string;
  status: TaskStatus | string;
  leadUnit: Ref | null;
  leadUser: Ref | null;
  coUnits: Ref[];
  infoUnits: Ref[];
  deadline: string | null;
  recurring: boolean;
  deadlineState: DeadlineState | string;
  sourceDocument: { id: string; code: string | null; subject: string | null } | null;
  sourcePoint: string | null;
  instruction: string | null;
  assignedBy: Ref | null;
  createdAt: string;
  completedAt: string | null;
  onTime: boolean | null;
  result: string | null;
  /** Optional extras the server may send. */
  leader?: Ref | null;
  assignee?: Ref | null;
  percent?: number | null;
  evidence?: {
    documentId?: string | null;
    text?: string | null;
    document?: { id: string; code: string | null };
  } | null;
}

/** A status report; the contract leaves its shape open, so every field is optional. */
export interface TaskReport {
  id?: string;
  at?: string;
  createdAt?: string;
  note?: string | null;
  percent?: number | null;
  actorName?: string | null;
  by?: Ref | string | null;
  author?: Ref | string | null;
  kind?: string;
  [key: string]: unknown;
}

export interface TaskDetail extends Task {
  reports: TaskReport[];
  trace: TraceRow[];
}

export interface TaskQuery {
  status?: string;
  unitId?: string;
  leaderId?: string;
  due?: DueFilter;
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface TaskPage {
  items: Task[];
  total: number;
  page?: number;
  pageSize?: number;
}

export interface TaskInput {
  content: string;
  leadUnitId: string;
  coUnitIds?: string[];
  deadline?: string;
  recurring?: boolean;
  sourceDocumentId?: string;
  sourcePoint?: string;
}

/** One step of the handling chain of an incoming document; read defensively. */
export interface HandlingStep {
  at?: string;
  action?: string;
  kind?: string;
  actorName?: string | null;
  actor?: Ref | string | null;
  by?: Ref | string | null;
  to?: Ref | string | null;
  toName?: string | null;
  note?: string | null;
  instruction?: string | null;
  detail?: unknown;
  [key: string]: unknown;
}

export interface Handling {
  state: string;
  steps: HandlingStep[];
  assignments: Record<string, unknown>[];
  /** Tasks created from the instruction, when the server sends them. */
  tasks?: Task[];
  leader?: Ref | null;
}

export interface InstructInput {
  instruction: string;
  lead: { unitId?: string; userId?: string };
  coUnitIds: string[];
  infoUnitIds: string[];
  deadline?: string;
}

export interface ConclusionRow {
  content: string;
  leadUnit: Ref | null;
  coUnits: Ref[];
  deadline: string | null;
  recurring: boolean;
  source: { point: string | null } | null;
  deadlinePhrase: string | null;
  flags: (string | { code: string; message?: string })[];
}

export interface ConclusionsInput {
  text: string;
  issuedDate?: string;
  sourceDocumentId?: string;
  confirm?: true;
  tasks?: ConclusionRow[];
}

export const tasksApi = {
  list: (query: TaskQuery) => api.get<TaskPage>('/api/tasks', { ...query }),
  get: (id: string) => api.get<TaskDetail>(`/api/tasks/${enc(id)}`),
  create: (input: TaskInput) => api.post<Task>('/api/tasks', input),
  assign: (id: string, userId: string, note?: string) =>
    api.post<Task>(`/api/tasks/${enc(id)}/assign`, note ? { userId, note } : { userId }),
  progress: (id: string, note: string, percent?: number) =>
    api.post<unknown>(`/api/tasks/${enc(id)}/progress`, percent === undefined ? { note } : { note, percent }),
  complete: (id: string, result: string, evidence?: { documentId?: string; text?: string }) =>
    api.post<Task>(`/api/tasks/${enc(id)}/complete`, evidence ? { result, evidence } : { result }),
  returnTask: (id: string, reason: string) => api.post<Task>(`/api/tasks/${enc(id)}/return`, { reason }),
  importConclusions: (input: ConclusionsInput) =>
    api.post<{ tasks: ConclusionRow[] }>('/api/tasks/import-conclusions', input),
  confirmConclusions: (input: ConclusionsInput) =>
    api.post<{ tasks: Task[] }>('/api/tasks/import-conclusions', { ...input, confirm: true }),
};

export const handlingApi = {
  get: (documentId: string) => api.get<Handling>(`/api/documents/${enc(documentId)}/handling`),
  present: (documentId: string, input: { leaderId?: string; note?: string }) =>
    api.post<unknown>(`/api/documents/${enc(documentId)}/present`, input),
  instruct: (documentId: string, input: InstructInput) =>
    api.post<unknown>(`/api/documents/${enc(documentId)}/instruct`, input),
};

/** A name from a ref or a plain string. */
export function refName(x: Ref | string | null | undefined): string {
  if (!x) return '';
  return typeof x === 'string' ? x : (x.name ?? '');
}
