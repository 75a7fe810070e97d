/**
 * Calendar benchmark (pure, no database): what a deadline costs, split into building the
 * effective calendar (lunar dates, defaults, overrides) and counting on it, so that callers
 * computing many deadlines know to build the calendar once and reuse it.
 * Run: npx tsx bench/calendar.ts [--n 20000]
 */
import { addDays } from '../server/src/calendar/civil-date.js';
import { solarToLunar } from '../server/src/calendar/lunar.js';
import { buildWorkCalendar, computeDeadline } from '../server/src/calendar/working-days.js';
import { fmt } from './lib.js';

const i = process.argv.indexOf('--n');
const N = i > 0 ? Number(process.argv[i + 1]) : 20_000;

function time(label: string, n: number, fn: (k: number) => unknown): number {
  for (let k = 0; k < Math.min(n, 200); k++) fn(k); // warm-up
  const t0 = performance.now();
  for (let k = 0; k < n; k++) fn(k);
  const us = ((performance.now() - t0) * 1000) / n;
  console.log(`${label.padEnd(58)} ${fmt(us, 2).padStart(9)} µs/op`);
  return us;
}

const stored = [{ date: '2026-01-02', name: 'Nghỉ hoán đổi', kind: 'government_off' as const, basis: 'x' }];
const cal = buildWorkCalendar(2026, 2028, stored);
const from = (k: number) => addDays('2026-01-01', k % 365);

const lunar = time('solarToLunar (one date)', N, (k) => solarToLunar(from(k)));
const build = time('buildWorkCalendar (3 years, with overrides)', Math.max(1, N / 20), () =>
  buildWorkCalendar(2026, 2028, stored),
);
const short = time('computeDeadline 10 working days on a built calendar', N, (k) =>
  computeDeadline(from(k), { amount: 10, unit: 'working_days' }, cal),
);
const long = time('computeDeadline 200 working days on a built calendar', N / 10, (k) =>
  computeDeadline(from(k), { amount: 200, unit: 'working_days' }, cal),
);
const both = time('build + computeDeadline 10 working days (per call)', Math.max(1, N / 20), (k) =>
  computeDeadline(from(k), { amount: 10, unit: 'working_days' }, buildWorkCalendar(2026, 2028, stored)),
);
console.log();
console.log(`building the calendar costs ${fmt(build / short, 0)}× a 10-day deadline on a built one`);
console.log(`a 200-day deadline costs ${fmt(long / short, 1)}× a 10-day one (linear in days counted)`);
console.log(`rebuilding per call is ${fmt(both / short, 0)}× slower than reusing one calendar`);
console.log(`one lunar conversion: ${fmt(lunar, 1)} µs`);
