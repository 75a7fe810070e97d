import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

export const DAY_KINDS = ['holiday', 'compensation', 'government_off', 'makeup_workday', 'workday'] as const;
export type DayKind = (typeof DAY_KINDS)[number];
export const DAY_OFF_KINDS: readonly string[] = ['holiday', 'compensation', 'government_off'];

export interface CalendarDay {
  date: string;
  name: string;
  kind: DayKind | string;
  source: 'default' | 'official' | string;
  basis: string;
}

export interface DayInput {
  name: string;
  kind: DayKind;
  basis: string;
}

const enc = encodeURIComponent;

export const calendarApi = {
  days: (year: number) => api.get<{ year: number; items: CalendarDay[] }>('/api/calendar/days', { year }),
  put: (date: string, input: DayInput) => api.put<CalendarDay>(`/api/calendar/days/${enc(date)}`, input),
  remove: (date: string) =>
    api.delete<{ date: string; effective: CalendarDay | null }>(`/api/calendar/days/${enc(date)}`),
  addWorkingDays: (from: string, days: number) =>
    api.get<{ date: string }>('/api/calendar/add-working-days', { from, days }),
};

export const calendarKeys = {
  all: ['calendar'] as const,
  year: (year: number) => ['calendar', 'days', year] as const,
};

export function useCalendarDays(year: number) {
  return useQuery({
    queryKey: calendarKeys.year(year),
    queryFn: () => calendarApi.days(year),
    placeholderData: (prev) => prev,
  });
}

/** 0 = Sunday … 6 = Saturday, for a YYYY-MM-DD date. */
export function weekday(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}
