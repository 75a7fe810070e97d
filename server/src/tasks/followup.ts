import { workingDaysBetween, type WorkCalendar } from '../calendar/working-days.js';

export type DeadlineState = 'overdue' | 'near' | 'ok' | 'none';

/**
 * Where an open task stands against its deadline: overdue after the deadline day; near when at
 * most `nearDays` working days remain. A deadline is met by finishing on the day itself
 * (Bộ luật Dân sự 2015, Điều 148: the time limit ends at the end of its last day).
 */
export function deadlineState(
  deadline: string | null,
  today: string,
  nearDays: number,
  cal: WorkCalendar,
): DeadlineState {
  if (!deadline) return 'none';
  if (today > deadline) return 'overdue';
  return workingDaysBetween(today, deadline, cal) <= nearDays ? 'near' : 'ok';
}

export function onTime(deadline: string | null, completedOn: string): boolean | null {
  return deadline ? completedOn <= deadline : null;
}

export interface ReminderDue {
  key: string;
  kind: 'before' | 'overdue';
  offset: number;
}

/**
 * The reminders a task has earned by `today`: one per offset (working days before the
 * deadline) whose day has come, and one when it is overdue. Keys are stable, so enqueuing them
 * again on every scan is harmless.
 */
export function remindersDue(
  task: { id: string; deadline: string | null },
  today: string,
  offsets: number[],
  cal: WorkCalendar,
): ReminderDue[] {
  if (!task.deadline) return [];
  if (today > task.deadline) return [{ key: `overdue:${task.id}`, kind: 'overdue', offset: 0 }];
  const out: ReminderDue[] = [];
  for (const o of offsets) {
    // Due once no more than `o` working days remain before the deadline.
    if (workingDaysBetween(today, task.deadline, cal) <= o)
      out.push({ key: `before:${task.id}:${o}`, kind: 'before', offset: o });
  }
  return out;
}
