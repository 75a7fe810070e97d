import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../platform/db.js';
import { typed } from '../platform/http/app.js';
import { actorOf } from '../platform/http/actor.js';
import { isValidIsoDate, todayInVietnam, yearOf } from './civil-date.js';
import { DAY_KINDS } from './holidays.js';
import { canChiOf, solarToLunar } from './lunar.js';
import { calendarYear, deadlineOn, deleteCalendarDay, upsertCalendarDay } from './calendar.store.js';

/** The years the lunar algorithm and the defaults are good for. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;
const inRange = (s: string) => yearOf(s) >= MIN_YEAR && yearOf(s) <= MAX_YEAR;
const CalDate = z
  .string()
  .refine(
    (s) => isValidIsoDate(s) && inRange(s),
    `ngày không tồn tại hoặc sai dạng YYYY-MM-DD (năm ${MIN_YEAR}–${MAX_YEAR})`,
  );
const Year = z.coerce.number().int().min(MIN_YEAR).max(MAX_YEAR);
const Text = (max: number) => z.string().trim().min(1).max(max);

const Day = z.object({
  date: z.string(),
  name: z.string(),
  kind: z.enum(DAY_KINDS),
  source: z.enum(['default', 'official']),
  basis: z.string(),
});

export function calendarRoutes(app: FastifyInstance, db: Db): void {
  const r = typed(app);
  r.get(
    '/api/calendar/add-working-days',
    {
      config: { access: 'calendar.read' },
      schema: {
        tags: ['calendar'],
        summary:
          'Ngày làm việc thứ N sau ngày `from` (không tính ngày `from`; N = 0: chính ngày đó hoặc ngày làm việc kế tiếp)',
        querystring: z.object({ from: CalDate, days: z.coerce.number().int().min(0).max(1000) }),
        response: { 200: z.object({ date: z.string() }) },
      },
    },
    async (req) => ({ date: await deadlineOn(db, req.query.from, { amount: req.query.days, unit: 'working_days' }) }),
  );
  r.get(
    '/api/calendar/days',
    {
      config: { access: 'calendar.read' },
      schema: {
        tags: ['calendar'],
        summary: 'Ngày nghỉ lễ, nghỉ bù, nghỉ hoán đổi và làm bù của một năm (mặc định theo luật hoặc chính thức)',
        querystring: z.object({ year: Year.optional() }),
        response: { 200: z.object({ year: z.number(), items: z.array(Day) }) },
      },
    },
    async (req) => {
      const year = req.query.year ?? yearOf(todayInVietnam());
      return { year, items: await calendarYear(db, year) };
    },
  );
  r.put(
    '/api/calendar/days/:date',
    {
      config: { access: 'calendar.write' },
      schema: {
        tags: ['calendar'],
        summary: 'Lưu ngày chính thức (thay ngày mặc định cùng ngày)',
        params: z.object({ date: CalDate }),
        body: z.object({ name: Text(200), kind: z.enum(DAY_KINDS), basis: Text(500) }),
        response: { 200: Day },
      },
    },
    async (req) => db.tx((q) => upsertCalendarDay(q, actorOf(req), req.params.date, req.body)),
  );
  r.delete(
    '/api/calendar/days/:date',
    {
      config: { access: 'calendar.write' },
      schema: {
        tags: ['calendar'],
        summary: 'Xóa ngày chính thức đã lưu; ngày đó trở về mặc định',
        params: z.object({ date: CalDate }),
        response: { 200: z.object({ date: z.string(), effective: Day.nullable() }) },
      },
    },
    async (req) => {
      const effective = await db.tx((q) => deleteCalendarDay(q, actorOf(req), req.params.date));
      return { date: req.params.date, effective };
    },
  );
  r.get(
    '/api/calendar/lunar',
    {
      config: { access: 'calendar.read' },
      schema: {
        tags: ['calendar'],
        summary: 'Ngày âm lịch (giờ Việt Nam, UTC+7) của một ngày dương lịch',
        querystring: z.object({ date: CalDate }),
        response: {
          200: z.object({
            day: z.number(),
            month: z.number(),
            year: z.number(),
            leap: z.boolean(),
            canChi: z.object({ day: z.string(), month: z.string(), year: z.string() }),
          }),
        },
      },
    },
    async (req) => ({ ...solarToLunar(req.query.date), canChi: canChiOf(req.query.date) }),
  );
}
