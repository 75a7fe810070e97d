/**
 * Routing benchmark.
 *  1. Route decisions per second on one core with a 200-rule policy (the engine alone, on
 *     prebuilt facts), next to the same rules evaluated without compilation (phrases folded on
 *     every evaluation), as a ratio.
 *  2. What routing adds to registration: 16 concurrent registrations through the store on
 *     PostgreSQL, with and without the routing hook, side by side in one run.
 * Run: npx tsx bench/routing.ts [--registrations 1500]
 */
import { openDb } from '../server/src/platform/db.js';
import { prepareDatabase } from '../server/src/server.js';
import { type CompiledPolicy, compilePolicy, route, type OrgSnapshot } from '../server/src/routing/engine.js';
import { buildFacts, type CompetenceEntry, type DocumentForRouting } from '../server/src/routing/facts.js';
import type { Condition, Policy, Rule } from '../server/src/routing/policy.js';
import { DEMO_CATALOGUE, DEMO_POLICY } from '../server/src/routing/seed/demo-policy.js';
import { createRouting } from '../server/src/routing/service.js';
import { routeOnRegister } from '../server/src/routing/register-hook.js';
import { calendarLoader } from '../server/src/routing/deadline.js';
import { storedDays } from '../server/src/calendar/calendar.store.js';
import { registerIncoming } from '../server/src/documents/incoming.store.js';
import { findUserByUsername, toAuthUser } from '../server/src/auth/auth.store.js';
import { createBenchDatabase, fmt, runConcurrent } from './lib.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};

const FIELDS = Object.keys(DEMO_POLICY.keywords);
const PHRASES = Object.values(DEMO_POLICY.keywords).flat();

/** 190 generated rules of realistic shapes in front of the demo policy's own: 200 in all. */
function bigPolicy(): Policy {
  const rules: Rule[] = [];
  for (let i = 0; rules.length + DEMO_POLICY.rules.length < 200; i++) {
    const f = FIELDS[i % FIELDS.length]!;
    const when: Condition = {
      all: [
        { field: [f] },
        { senderLevel: i % 2 ? ['commune'] : ['agency', 'central'] },
        { textHas: [PHRASES[(i * 7) % PHRASES.length]!, PHRASES[(i * 13) % PHRASES.length]!] },
        { not: { urgencyAtLeast: 2 + (i % 2) } },
      ],
    };
    rules.push({ id: `gen-${i}`, name: `Quy tắc sinh ${i}`, when, then: [{ addFlag: `GEN_${i}` }] });
  }
  return { ...DEMO_POLICY, rules: [...rules, ...DEMO_POLICY.rules] };
}

const SUBJECTS = [
  'V/v đề nghị giao đất cho Công ty TNHH Thành Đạt thực hiện dự án khu dân cư',
  'Báo cáo tình hình dịch bệnh tháng 02 năm 2026',
  'V/v đề nghị bổ sung kinh phí sự nghiệp giáo dục năm 2026',
  'V/v xin chủ trương đầu tư xây dựng cầu qua sông Trà Khúc',
  'Tờ trình phê duyệt kế hoạch chuyển đổi số năm 2026',
  'V/v đề nghị cấp giấy chứng nhận quyền sử dụng đất cho hộ ông Nguyễn Văn An',
];

function engineBench() {
  const policy = bigPolicy();
  const compiled = compilePolicy(policy);
  const catalogue = DEMO_CATALOGUE.map((e, i) => ({ ...e, id: String(i) })) as CompetenceEntry[];
  const ref = (id: string) => ({ id, name: id });
  const org: OrgSnapshot = {
    chairman: ref('chairman'),
    leaderByField: new Map(FIELDS.map((f, i) => [f, ref(`pct${i % 4}`)])),
    leaderByArea: new Map(['KV1', 'KV2', 'KV3', 'KV4'].map((a, i) => [a, ref(`pct${i}`)])),
    departmentByField: new Map(FIELDS.map((f) => [f, ref(`dept-${f}`)])),
    agencyByField: new Map(FIELDS.map((f) => [f, ref(`agency-${f}`)])),
    unitByCode: new Map([['SNNMT', ref('SNNMT')]]),
  };
  const facts = Array.from({ length: 1000 }, (_, i) => {
    const d: DocumentForRouting = {
      issuer: {
        unitId: null,
        name: i % 2 ? 'UBND xã Bình Sơn' : 'Sở Tài chính',
        level: i % 2 ? 'commune' : 'agency',
        areaCode: 'KV1',
      },
      type: i % 5 === 1 ? 'BC' : 'CV',
      subject: SUBJECTS[i % SUBJECTS.length]!,
      date: '2026-03-10',
    };
    return buildFacts(d, [FIELDS[i % FIELDS.length]!], catalogue, new Set());
  });
  const ctx = { org, from: '2026-03-10', addDeadline: () => '2026-03-19' };
  const time = (p: CompiledPolicy, n: number) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) route(p, facts[i % facts.length]!, ctx);
    return n / ((performance.now() - t0) / 1000);
  };
  time(compiled, 20_000);
  const ours = time(compiled, 200_000);
  // Baseline: the same rules without compilation, i.e. every phrase folded on every decision.
  const t0 = performance.now();
  const n = 20_000;
  for (let i = 0; i < n; i++) route(compilePolicy(policy), facts[i % facts.length]!, ctx);
  const base = n / ((performance.now() - t0) / 1000);
  return { ours, base, rules: compiled.rules.length };
}

async function registrationBench(n: number) {
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const b = await createBenchDatabase(base);
  const db = await openDb({ databaseUrl: b.url });
  try {
    await prepareDatabase(db, { adminPassword: 'bench-admin-pass', demoPassword: 'bench-demo-pass' });
    const clerk = toAuthUser((await findUserByUsername(db, 'vanthu'))!);
    const routing = createRouting({ loadCalendar: calendarLoader(storedDays) });
    const clock = { now: () => new Date('2026-03-10T03:00:00Z') };
    const input = (i: number) => ({
      issuer: { unitCode: i % 2 ? '21211' : 'STC' },
      number: i + 1,
      notation: 'UBND-VP',
      issuedDate: '2026-03-02',
      type: 'CV' as const,
      subject: `${SUBJECTS[i % SUBJECTS.length]} (số ${i})`,
    });
    let k = 0;
    const plain = () => registerIncoming(db, clerk, input(k++), { clock }).then(() => undefined);
    const routed = () => {
      const i = input(k++);
      return registerIncoming(db, clerk, i, { clock, route: routeOnRegister(routing, clerk.clearance) }).then(
        () => undefined,
      );
    };
    await runConcurrent(16, 200, routed); // warm-up, caches
    // Interleaved halves so that drift on a busy machine hits both sides alike.
    const a1 = await runConcurrent(16, n / 2, plain);
    const b1 = await runConcurrent(16, n / 2, routed);
    const a2 = await runConcurrent(16, n / 2, plain);
    const b2 = await runConcurrent(16, n / 2, routed);
    return { plain: (a1.perSecond + a2.perSecond) / 2, routed: (b1.perSecond + b2.perSecond) / 2 };
  } finally {
    await db.close();
    await b.drop();
  }
}

const e = engineBench();
const r = await registrationBench(arg('registrations', 1500));
console.log(`\nRouting benchmark\n`);
console.log('| measure | dieuhanh | baseline | ratio | goal |');
console.log('|---|---|---|---|---|');
console.log(
  `| route decisions/s, one core, ${e.rules}-rule policy | ${fmt(e.ours, 0)} | ${fmt(e.base, 0)} (uncompiled rules) | ${fmt(e.ours / e.base, 2)} | ≥ 50,000 |`,
);
console.log(
  `| registrations/s, 16 clients, with routing vs without | ${fmt(r.routed, 0)} | ${fmt(r.plain, 0)} | ${fmt(r.routed / r.plain, 2)} (routing adds ${fmt((r.plain / r.routed - 1) * 100)}%) | < 10% added |`,
);
