import type { Queryable } from '../platform/db.js';
import type { Clock } from '../platform/clock.js';
import { dateInVietnam } from '../documents/numbering.js';
import { buildWorkCalendar } from '../calendar/working-days.js';
import { storedDays } from '../calendar/calendar.store.js';
import type { TaskContext } from './tasks.store.js';

export interface FollowupSettings {
  reminderOffsets: number[];
  urgeAfterDays: number;
  nearDays: number;
}

/** Follow-up settings are data an administrator changes (app_meta); these are the defaults. */
export async function followupSettings(q: Queryable): Promise<FollowupSettings> {
  const rows = await q.query<{ key: string; value: string }>(
    `SELECT key, value FROM app_meta WHERE key IN ('followup_reminder_offsets', 'followup_urge_after_days', 'followup_near_days')`,
  );
  const get = (k: string) => rows.find((r) => r.key === k)?.value;
  return {
    reminderOffsets: JSON.parse(get('followup_reminder_offsets') ?? '[3,1]') as number[],
    urgeAfterDays: Number(get('followup_urge_after_days') ?? 1),
    nearDays: Number(get('followup_near_days') ?? 3),
  };
}

/** What task views need: today in Vietnam, the working calendar around it, unit names. */
export async function taskContext(q: Queryable, clock: Clock): Promise<TaskContext & { settings: FollowupSettings }> {
  const today = dateInVietnam(clock.now());
  const y = Number(today.slice(0, 4));
  const cal = buildWorkCalendar(y - 1, y + 2, await storedDays(q, y - 1, y + 2));
  const units = await q.query<{ id: string; name: string }>('SELECT id, name FROM units');
  const settings = await followupSettings(q);
  return { today, cal, nearDays: settings.nearDays, unitNames: new Map(units.map((u) => [u.id, u.name])), settings };
}
