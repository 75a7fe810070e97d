/** Processing and follow-up (issue 5): tasks, the handling chain of incoming documents, conclusions import. */
import { api } from '../../api/client';

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
  sourceDocument: { id: string; code: string | null; subject: string } | null;
  sourcePoint: string | null;
  instruction: string | null;
  assignedBy: Ref | null;
  createdAt: string;
  completedAt: string | null;
  onTime: boolean | null;
  result: string | null;
  deadlinePhrase?: string | null;
}

/** A line of the task's history: instruct/create/import, assign, progress, complete, return. */
export interface TaskReport {
  at: string;
  userName: string | null;
  kind: string;
  note: string;
  percent: number | null;
}

export interface TaskDetail extends Task {
  reports: TaskReport[];
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

/** One step of the handling chain of an incoming document. */
export interface HandlingStep {
  at: string;
  actorName: string | null;
  /** present, instruct, assign, progress, complete, return */
  action: string;
  toUserName: string | null;
  toUnitName: string | null;
  note: string;
  taskId: string | null;
}

/** A task made from the document's instruction, as the handling view lists it. */
export interface HandlingTask {
  id: string;
  status: string;
  deadline: string | null;
  leadUnitName: string | null;
  leadUserName: string | null;
}

export interface Handling {
  /** The document's status: registered → presented → assigned → done. */
  state: string;
  steps: HandlingStep[];
  tasks: HandlingTask[];
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
  /** The point ("4.2"): as `source.point` in the contract, `point` in the parser. */
  source?: { point: string | null } | null;
  point?: string;
  context?: string | null;
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
    api.post<Task>(`/api/tasks/${enc(id)}/progress`, percent === undefined ? { note } : { note, percent }),
  complete: (id: string, result: string, evidence?: { documentId?: string; text?: string }) =>
    api.post<Task>(`/api/tasks/${enc(id)}/complete`, evidence ? { result, evidence } : { result }),
  returnTask: (id: string, reason: string) => api.post<Task>(`/api/tasks/${enc(id)}/return`, { reason }),
  importConclusions: (input: ConclusionsInput) =>
    api.post<{ tasks: ConclusionRow[]; issuedDate?: string | null }>('/api/tasks/import-conclusions', input),
  confirmConclusions: (input: ConclusionsInput) =>
    api.post<{ tasks: Task[] }>('/api/tasks/import-conclusions', { ...input, confirm: true }),
};

export const handlingApi = {
  get: (documentId: string) => api.get<Handling>(`/api/documents/${enc(documentId)}/handling`),
  present: (documentId: string, input: { leaderId?: string; note?: string }) =>
    api.post<{ ok: boolean }>(`/api/documents/${enc(documentId)}/present`, input),
  instruct: (documentId: string, input: InstructInput) =>
    api.post<Task>(`/api/documents/${enc(documentId)}/instruct`, input),
};

/** A name from a ref or a plain string. */
export function refName(x: Ref | string | null | undefined): string {
  if (!x) return '';
  return typeof x === 'string' ? x : (x.name ?? '');
}
