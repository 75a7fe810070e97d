/**
 * Documents benchmark, on PostgreSQL (DATABASE_URL, default the machine's test database):
 *  1. registration rate and p95 with 16 clients through the HTTP API of the app running in its
 *     own process (as in production; this process is only the load generator), against raw
 *     PostgreSQL doing the same unit of work (take a number, insert the row) on 16 connections;
 *  2. search p95 and list-page p95 at 1,000,000 generated documents, against the raw SQL
 *     queries with the same plan shape.
 * Run: npx tsx bench/documents.ts [--docs 1000000] [--registrations 3000]
 * BENCH_VERBOSE=1 prints each round's rate and CPU per registration (app, its backends) to stderr.
 * What routing adds is measured three ways: rounds in turn (rate, CPU), one registration at a
 * time (latency), and both instances registering at the same time (CPU: the steadiest, since
 * the machine's drift hits both alike). BENCH_AA=1 runs both instances without routing: what
 * "routing adds" shows then is the benchmark's own noise and bias (on this machine, at the same
 * time: −0.1, 2.0 and 1.3 %; in turn: −4.3 to 4.8 %).
 */
import pg from 'pg';
import { foldVietnamese } from '../server/src/platform/text.js';
import { parseQuery, toTsQuery } from '../server/src/documents/search.js';
import {
  benchLogin,
  createBenchDatabase,
  fmt,
  percentile,
  cpuOf,
  postgresBackendPids,
  postgresCpuMs,
  processCpuMs,
  row,
  runConcurrent,
  type RunStats,
  startAppProcess,
} from './lib.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const DOCS = arg('docs', 1_000_000);
const REGS = arg('registrations', 3000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const VERBS = [
  'Về việc',
  'V/v đề nghị',
  'V/v báo cáo',
  'V/v xin ý kiến',
  'V/v hướng dẫn',
  'V/v đôn đốc',
  'V/v góp ý',
  'V/v phê duyệt',
  'V/v tham mưu',
  'V/v kiểm tra',
];
const TOPICS = [
  'giao đất',
  'thu hồi đất',
  'bồi thường giải phóng mặt bằng',
  'chuyển đổi số',
  'phân luồng văn bản',
  'giải ngân vốn đầu tư công',
  'phòng chống thiên tai',
  'xây dựng nông thôn mới',
  'cải cách hành chính',
  'tuyển dụng công chức',
  'sắp xếp đơn vị hành chính',
  'khiếu nại của công dân',
  'cấp giấy phép xây dựng',
  'an toàn thực phẩm',
  'tiêm chủng mở rộng',
  'tuyển sinh lớp 10',
  'bảo vệ rừng',
  'quy hoạch sử dụng đất',
  'hỗ trợ doanh nghiệp',
  'du lịch biển đảo',
  'an ninh trật tự',
  'hộ nghèo',
  'nước sạch nông thôn',
  'chợ truyền thống',
  'kè chống sạt lở',
];
const PLACES = [
  'xã Bình Sơn',
  'phường Cẩm Thành',
  'xã Sơn Hà',
  'đặc khu Lý Sơn',
  'xã Ba Tơ',
  'phường Kon Tum',
  'xã Đăk Hà',
  'xã Mộ Đức',
  'phường Đức Phổ',
  'xã Trà Bồng',
  'xã Tư Nghĩa',
  'xã Sa Thầy',
  'xã Măng Đen',
  'xã Nghĩa Hành',
];
const ISSUERS = [
  'Sở Tài chính',
  'Sở Xây dựng',
  'Sở Nông nghiệp và Môi trường',
  'Sở Nội vụ',
  'Sở Y tế',
  'Sở Giáo dục và Đào tạo',
  'UBND xã Bình Sơn',
  'UBND phường Cẩm Thành',
  'Văn phòng Chính phủ',
  'Bộ Tài chính',
];
const TYPES = ['CV', 'CV', 'CV', 'BC', 'TTr', 'QĐ', 'KH', 'TB', 'GM', 'NQ'];

async function main() {
  const benchDb = await createBenchDatabase(base);
  // The database is migrated and seeded by an instance of its own, stopped before the measured
  // ones start: whichever measured instance did that work ran 2–3 % slower afterwards (both
  // instances without routing, BENCH_AA=1, showed it for whichever started first).
  await (await startAppProcess(`${benchDb.url}?application_name=bench_prepare`)).stop();
  // The app runs in its own processes, as in production; this process only generates load.
  // Each instance names its connections, so that its own PostgreSQL backends can be measured.
  const app = await startAppProcess(
    `${benchDb.url}?application_name=bench_routed`,
    // BENCH_AA=1: both instances without routing, to see the benchmark's own noise and bias.
    process.env.BENCH_AA ? ['--no-routing'] : [],
  );
  // A second instance on the same database that does not route, to measure what routing adds.
  const unrouted = await startAppProcess(`${benchDb.url}?application_name=bench_unrouted`, ['--no-routing']);
  const raw = new pg.Pool({ connectionString: benchDb.url, max: CLIENTS });
  const lines: string[] = [];
  try {
    const clerks = await Promise.all(
      Array.from({ length: CLIENTS }, () => benchLogin(app.url, 'vanthu', 'bench-demo-pass')),
    );
    const plainClerks = await Promise.all(
      Array.from({ length: CLIENTS }, () => benchLogin(unrouted.url, 'vanthu', 'bench-demo-pass')),
    );
    const regWith = (pool: typeof clerks) => (i: number) =>
      pool[i % CLIENTS]!('POST', '/api/incoming', {
        issuer: { name: ISSUERS[i % ISSUERS.length] },
        number: 100000 + i,
        notation: 'UBND-VP',
        issuedDate: '2026-01-05',
        type: 'CV',
        subject: `${VERBS[i % VERBS.length]} ${TOPICS[i % TOPICS.length]} tại ${PLACES[i % PLACES.length]} số ${i}`,
      }).then((r) => {
        if (r.status !== 201) throw new Error(`registration ${i}: ${r.status} ${JSON.stringify(r.body)}`);
      });
    const reg = regWith(clerks);
    const regPlain = regWith(plainClerks);
    await runConcurrent(CLIENTS, 200, (i) => reg(1_000_000 + i)); // warm-up
    await runConcurrent(CLIENTS, 200, (i) => regPlain(1_100_000 + i));
    // Rounds interleaved, so that drift on a busy machine hits both sides alike; what routing adds
    // is the median of the rounds' ratios.
    const ROUNDS = 10;
    const per = Math.ceil(REGS / ROUNDS);
    const oursRounds: RunStats[] = [];
    const plainRounds: RunStats[] = [];
    // CPU per registration of each side: its app process (all threads), the PostgreSQL backends
    // serving its connections, and, apart, the server's background processes (autovacuum, WAL
    // writer, checkpointer) while the side ran, which both sides share. Read from /proc around
    // each round (Linux, PostgreSQL on this machine; otherwise not reported).
    const cpu = {
      ours: { app: 0, db: 0, background: 0 },
      plain: { app: 0, db: 0, background: 0 },
      seen: true,
      /** CPU per registration of each round (app + its backends), to pair the sides round by round. */
      rounds: { ours: [] as number[], plain: [] as number[] },
    };
    /** An instance's CPU so far: its app process (all threads) and the backends serving its connections. */
    const cpuNow = async (name: string, pid: number) => ({
      app: processCpuMs(pid),
      db: cpuOf(await postgresBackendPids(raw, name)),
    });
    /** CPU spent between two readings; a backend that started meanwhile counts whole: its connection was part of the work. */
    const spent = (a: Awaited<ReturnType<typeof cpuNow>>, b: Awaited<ReturnType<typeof cpuNow>>) => {
      if (a.app === null || b.app === null || b.db.size === 0) return null;
      let db = 0;
      for (const [p, ms] of b.db) db += ms - (a.db.get(p) ?? 0);
      return { all: b.app - a.app + db, app: b.app - a.app, db };
    };
    const measured = async (side: 'ours' | 'plain', pid: number, f: () => Promise<RunStats>) => {
      const name = side === 'ours' ? 'bench_routed' : 'bench_unrouted';
      const c0 = await cpuNow(name, pid);
      const d0 = postgresCpuMs();
      const stats = await f();
      const c = spent(c0, await cpuNow(name, pid));
      const d1 = postgresCpuMs();
      if (c === null || d0 === null || d1 === null) cpu.seen = false;
      else {
        cpu[side].app += c.app / stats.n;
        cpu[side].db += c.db / stats.n;
        cpu[side].background += (d1 - d0 - c.db) / stats.n;
        cpu.rounds[side].push(c.all / stats.n);
        if (process.env.BENCH_VERBOSE)
          console.error(side, stats.perSecond.toFixed(0), (c.app / stats.n).toFixed(3), (c.db / stats.n).toFixed(3));
      }
      return stats;
    };
    // Order alternates (ours, plain, plain, ours, …) so that drift within a round pair cancels.
    for (let r = 0; r < ROUNDS; r++) {
      const runOurs = async () =>
        oursRounds.push(await measured('ours', app.pid, () => runConcurrent(CLIENTS, per, (i) => reg(r * per + i))));
      const runPlain = async () =>
        plainRounds.push(
          await measured('plain', unrouted.pid, () =>
            runConcurrent(CLIENTS, per, (i) => regPlain(2_000_000 + r * per + i)),
          ),
        );
      if (r % 2 === 0) {
        await runOurs();
        await runPlain();
      } else {
        await runPlain();
        await runOurs();
      }
    }
    // Rates: registrations over the time the side ran; p95 over all of the side's registrations.
    const side = (rs: RunStats[]) => ({
      perSecond: rs.reduce((n, r) => n + r.n, 0) / rs.reduce((t, r) => t + r.seconds, 0),
      p95: percentile(
        rs.flatMap((r) => r.latencies),
        95,
      ),
    });
    const ours = side(oursRounds);
    const plain = side(plainRounds);
    const routingAdds = percentile(
      oursRounds.map((o, k) => plainRounds[k]!.perSecond / o.perSecond - 1),
      50,
    );

    // One registration at a time: the time routing adds to a registration's own path, without
    // queueing behind other registrations. Rounds interleaved as above; medians pooled.
    const single: { ours: number[]; plain: number[] } = { ours: [], plain: [] };
    for (let r = 0; r < ROUNDS; r++) {
      single.ours.push(...(await runConcurrent(1, 50, (i) => reg(3_000_000 + r * 50 + i))).latencies);
      single.plain.push(...(await runConcurrent(1, 50, (i) => regPlain(3_100_000 + r * 50 + i))).latencies);
    }
    const singleOurs = percentile(single.ours, 50);
    const singlePlain = percentile(single.plain, 50);

    // CPU per registration with both instances registering at the same time, 16 clients each:
    // whatever the machine does meanwhile (its speed drifts from second to second here) hits
    // both sides alike, which rounds in turn cannot ensure. Each round's sides are read from
    // /proc over the same interval; what routing adds is the median of the rounds' ratios.
    const together = {
      ours: [] as number[],
      plain: [] as number[],
      sum: { ours: 0, plain: 0, oursApp: 0, plainApp: 0 },
      seen: true,
    };
    /** BENCH_VERBOSE: each instance prints its garbage collections so far (app-process.ts, SIGUSR2). */
    const gcMark = async (when: string) => {
      if (!process.env.BENCH_VERBOSE) return;
      console.error(`garbage collections ${when}:`);
      process.kill(app.pid, 'SIGUSR2');
      process.kill(unrouted.pid, 'SIGUSR2');
      await new Promise((r) => setTimeout(r, 200));
    };
    await gcMark('before both instances register at the same time');
    for (let r = 0; r < ROUNDS; r++) {
      const o0 = await cpuNow('bench_routed', app.pid);
      const p0 = await cpuNow('bench_unrouted', unrouted.pid);
      await Promise.all([
        runConcurrent(CLIENTS, per, (i) => reg(4_000_000 + r * per + i)),
        runConcurrent(CLIENTS, per, (i) => regPlain(5_000_000 + r * per + i)),
      ]);
      const o = spent(o0, await cpuNow('bench_routed', app.pid));
      const p = spent(p0, await cpuNow('bench_unrouted', unrouted.pid));
      if (o === null || p === null) together.seen = false;
      else {
        together.ours.push(o.all / per);
        together.plain.push(p.all / per);
        together.sum.ours += o.all;
        together.sum.plain += p.all;
        together.sum.oursApp += o.app;
        together.sum.plainApp += p.app;
      }
    }
    await gcMark('after');

    await raw.query(`CREATE TABLE bench_raw (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), n int, subject text, search_text text,
      search tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED)`);
    await raw.query(`CREATE INDEX ON bench_raw USING gin(search)`);
    await raw.query(`CREATE TABLE bench_seq (k int PRIMARY KEY, last int NOT NULL)`);
    await raw.query(`INSERT INTO bench_seq VALUES (1, 0)`);
    const rawReg = async (i: number) => {
      const c = await raw.connect();
      try {
        await c.query('BEGIN');
        const n = (await c.query('UPDATE bench_seq SET last = last + 1 WHERE k = 1 RETURNING last')).rows[0].last;
        const subject = `${VERBS[i % VERBS.length]} ${TOPICS[i % TOPICS.length]} số ${i}`;
        await c.query('INSERT INTO bench_raw(n, subject, search_text) VALUES ($1,$2,$3)', [
          n,
          subject,
          foldVietnamese(subject),
        ]);
        await c.query('COMMIT');
      } finally {
        c.release();
      }
    };
    const baseline = await runConcurrent(CLIENTS, REGS, rawReg);
    lines.push(
      row(
        'registration rate, 16 clients (docs/s)',
        fmt(ours.perSecond, 0),
        fmt(baseline.perSecond, 0),
        fmt(ours.perSecond / baseline.perSecond, 2),
        '≥ 400',
      ),
    );
    lines.push(row('registration p95 (ms)', fmt(ours.p95), fmt(baseline.p95), fmt(ours.p95 / baseline.p95, 2), '< 50'));
    lines.push(
      row(
        'registration rate without routing (docs/s)',
        fmt(plain.perSecond, 0),
        fmt(ours.perSecond, 0) + ' (with routing)',
        `routing adds ${fmt(routingAdds * 100)}% (median of ${ROUNDS} rounds)`,
        '< 10%',
      ),
    );
    lines.push(
      row(
        'registration time, 1 client, median (ms)',
        fmt(singleOurs, 2),
        fmt(singlePlain, 2) + ' (without routing)',
        `routing adds ${fmt((singleOurs / singlePlain - 1) * 100)}%`,
        '< 10%',
      ),
    );
    if (cpu.seen) {
      const n = ROUNDS;
      const ours = (cpu.ours.app + cpu.ours.db) / n;
      const plain = (cpu.plain.app + cpu.plain.db) / n;
      // Rounds run in pairs (ours and plain back to back); the median of the pairs' ratios is
      // what routing adds, so that a round disturbed by the machine weighs like any other.
      const cpuAdds = percentile(
        cpu.rounds.ours.map((o, k) => o / cpu.rounds.plain[k]! - 1),
        50,
      );
      lines.push(
        row(
          'CPU per registration, app + its PostgreSQL backends (ms)',
          `${fmt(ours, 3)} (${fmt(cpu.ours.app / n, 3)} + ${fmt(cpu.ours.db / n, 3)})`,
          `${fmt(plain, 3)} (${fmt(cpu.plain.app / n, 3)} + ${fmt(cpu.plain.db / n, 3)}) without routing`,
          `routing adds ${fmt(cpuAdds * 100)}% (median of ${ROUNDS} pairs; of the means ${fmt((ours / plain - 1) * 100)}%)`,
          '< 10%',
        ),
      );
      if (together.seen) {
        const o = together.sum.ours / (ROUNDS * per);
        const p = together.sum.plain / (ROUNDS * per);
        const oApp = together.sum.oursApp / (ROUNDS * per);
        const pApp = together.sum.plainApp / (ROUNDS * per);
        const adds = percentile(
          together.ours.map((x, k) => x / together.plain[k]! - 1),
          50,
        );
        lines.push(
          row(
            'CPU per registration, both instances registering at the same time (ms)',
            `${fmt(o, 3)} (${fmt(oApp, 3)} + ${fmt(o - oApp, 3)})`,
            `${fmt(p, 3)} (${fmt(pApp, 3)} + ${fmt(p - pApp, 3)}) without routing`,
            `routing adds ${fmt(adds * 100)}% (median of ${ROUNDS} rounds; of the sums ${fmt((o / p - 1) * 100)}%)`,
            '< 10%',
          ),
        );
      }
      lines.push(
        row(
          'PostgreSQL background processes per registration, while each side ran (ms)',
          fmt(cpu.ours.background / n, 3),
          `${fmt(cpu.plain.background / n, 3)} without routing`,
          'shared by both sides (autovacuum, WAL writer, checkpointer)',
          '',
        ),
      );
    }

    // Load DOCS documents straight into the table the app reads.
    const t0 = performance.now();
    const province = (await raw.query(`SELECT id FROM units WHERE level = 'province'`)).rows[0].id;
    const subjects: string[] = [];
    for (const v of VERBS) for (const t of TOPICS) for (const p of PLACES) subjects.push(`${v} ${t} tại ${p}`);
    const folded = subjects.map(foldVietnamese);
    await raw.query('DROP INDEX documents_search_idx');
    const batch = 100_000;
    for (let start = 0; start < DOCS; start += batch) {
      await raw.query(
        `INSERT INTO documents(direction, register_unit_id, issuer_name, number, notation, code, code_norm, issued_date, type,
           subject, search_text, year, arrival_number, arrival_date, status, secrecy, urgency, field_codes)
         SELECT 'in', $1, ($4::text[])[1 + i % array_length($4::text[],1)], i, 'BENCH-' || (i % 97), i || '/BENCH-' || (i % 97),
           i || '/bench-' || (i % 97), date '2025-01-01' + (i % 360), ($5::text[])[1 + i % 10],
           ($6::text[])[1 + (i::bigint * 7919) % array_length($6::text[],1)] || ' số ' || i,
           ($7::text[])[1 + (i::bigint * 7919) % array_length($7::text[],1)] || ' so ' || i,
           2025, i, date '2025-01-01' + (i % 360), 'registered', CASE WHEN i % 50 = 0 THEN 1 ELSE 0 END, i % 4,
           ARRAY[(ARRAY['DAT_DAI','TAI_CHINH','Y_TE','GIAO_DUC','XAY_DUNG','KHCN'])[1 + i % 6]]
         FROM generate_series($2::int, $3::int) i`,
        [province, start + 1, Math.min(start + batch, DOCS), ISSUERS, TYPES, subjects, folded],
      );
    }
    await raw.query('CREATE INDEX documents_search_idx ON documents USING gin(search)');
    await raw.query('ANALYZE documents');
    const loadSeconds = (performance.now() - t0) / 1000;

    // Search: two or three words, and số/ký hiệu lookups.
    const queries: string[] = [];
    for (let i = 0; i < 200; i++) {
      if (i % 5 === 4) queries.push(`${(i * 4099) % DOCS}/BENCH-${((i * 4099) % DOCS) % 97}`);
      else
        queries.push(
          `${foldVietnamese(TOPICS[i % TOPICS.length]!)} ${foldVietnamese(PLACES[(i * 3) % PLACES.length]!)}`
            .split(' ')
            .slice(0, 2 + (i % 3))
            .join(' '),
        );
    }
    const clerk = clerks[0]!;
    const search = await timeEach(queries, async (q) => {
      const r = await clerk('GET', `/api/incoming?q=${encodeURIComponent(q)}&pageSize=20`);
      if (r.status !== 200) throw new Error(JSON.stringify(r.body));
    });
    const rawSearch = await timeEach(queries, async (q) => {
      // The same parsed query as the app sends (search.ts), run bare.
      const pq = parseQuery(q);
      if (pq.code) {
        await raw.query(`SELECT id, subject FROM documents WHERE code_norm = $1 LIMIT 20`, [pq.code]);
      } else {
        await raw.query(
          `SELECT id, subject FROM documents WHERE direction = 'in' AND register_unit_id = $2 AND search @@ to_tsquery('simple', $1)
           ORDER BY year DESC, arrival_number DESC LIMIT 20`,
          [toTsQuery(pq.words), province],
        );
      }
    });
    lines.push(
      row(
        `search p95 at ${DOCS.toLocaleString('en')} docs (ms)`,
        fmt(percentile(search, 95)),
        fmt(percentile(rawSearch, 95)),
        fmt(percentile(search, 95) / percentile(rawSearch, 95), 2),
        '< 100',
      ),
    );

    const pages = Array.from({ length: 100 }, (_, i) => i);
    const list = await timeEach(pages, async (i) => {
      const filter = i % 2 ? `&type=${TYPES[i % TYPES.length]}` : '';
      const r = await clerk('GET', `/api/incoming?page=${1 + (i % 5)}&pageSize=50${filter}`);
      if (r.status !== 200) throw new Error(JSON.stringify(r.body));
    });
    const rawList = await timeEach(pages, async (i) => {
      const p: unknown[] = [50, (i % 5) * 50, province];
      const filter = i % 2 ? `AND type = $${p.push(TYPES[i % TYPES.length])}` : '';
      await raw.query(
        `SELECT id, subject FROM documents WHERE direction = 'in' AND register_unit_id = $3 ${filter}
         ORDER BY year DESC, arrival_number DESC LIMIT $1 OFFSET $2`,
        p,
      );
      await raw.query(`SELECT count(*) FROM documents WHERE direction = 'in' AND register_unit_id = $1`, [province]);
    });
    lines.push(
      row(
        `list page p95 at ${DOCS.toLocaleString('en')} docs (ms)`,
        fmt(percentile(list, 95)),
        fmt(percentile(rawList, 95)),
        fmt(percentile(list, 95) / percentile(rawList, 95), 2),
        '< 50',
      ),
    );

    console.log(
      `\nDocuments benchmark on PostgreSQL, ${CLIENTS} clients, ${REGS} registrations, ${DOCS.toLocaleString('en')} documents loaded in ${fmt(loadSeconds)} s\n`,
    );
    console.log('| measure | dieuhanh | raw PostgreSQL | ratio | goal |');
    console.log('|---|---|---|---|---|');
    for (const l of lines) console.log(l);
  } finally {
    await raw.end();
    await unrouted.stop();
    await app.stop();
    // BENCH_KEEP=1 keeps the database for inspection (EXPLAIN on the loaded documents).
    if (process.env.BENCH_KEEP) console.log(`database kept: ${benchDb.url}`);
    else await benchDb.drop();
  }
}

async function timeEach<T>(xs: T[], f: (x: T) => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  for (const x of xs) {
    const s = performance.now();
    await f(x);
    out.push(performance.now() - s);
  }
  return out;
}

await main();
