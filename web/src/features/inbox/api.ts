import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

export interface InboxCounts {
  overdue: number;
  near: number;
  open: number;
  toPresent: number;
  toInstruct: number;
}

export type InboxColor = 'red' | 'orange' | 'green' | 'grey';

export interface InboxItem {
  kind: string;
  id: string;
  title: string;
  deadline: string | null;
  color: InboxColor | string;
  documentId?: string | null;
  taskId?: string | null;
  /** Optional extras. */
  subtitle?: string | null;
  state?: string | null;
  at?: string | null;
}

export interface Inbox {
  counts: InboxCounts;
  items: InboxItem[];
}

export interface AppNotification {
  id: number | string;
  kind: string;
  title: string;
  body: string | null;
  taskId: string | null;
  documentId?: string | null;
  at: string;
  read: boolean;
}

const enc = encodeURIComponent;

export const inboxApi = {
  inbox: () => api.get<Inbox>('/api/inbox'),
  notifications: () => api.get<{ items: AppNotification[]; unread?: number }>('/api/notifications'),
  markRead: (id: number | string) => api.post<{ ok: boolean }>(`/api/notifications/${enc(String(id))}/read`),
};

export const inboxKeys = {
  inbox: ['inbox'] as const,
  notifications: ['notifications'] as const,
};

export function useInbox() {
  return useQuery({ queryKey: inboxKeys.inbox, queryFn: () => inboxApi.inbox(), refetchInterval: 60_000 });
}

export function useNotifications() {
  return useQuery({
    queryKey: inboxKeys.notifications,
    queryFn: () => inboxApi.notifications(),
    refetchInterval: 60_000,
    retry: false,
  });
}
