/**
 * One app instance for a benchmark, in its own process as in production, so that the load
 * generator does not share the server's event loop. Prints "LISTENING <url>" when ready.
 * Run by bench scripts: node --import tsx bench/app-process.ts <databaseUrl> [--no-routing]
 * With BENCH_VERBOSE set it prints, when stopped and on SIGUSR2, its garbage collections (count
 * and pause time, minor and major apart) to stderr: allocation shows there before it shows in the
 * CPU figures.
 */
import { loadConfig } from '../server/src/platform/config.js';
import { createServer } from '../server/src/server.js';
import { MemoryBlobStorage } from '../server/src/files/storage.js';
import { PerformanceObserver } from 'node:perf_hooks';

const databaseUrl = process.argv[2]!;
const config = {
  ...loadConfig({}),
  databaseUrl,
  adminPassword: 'bench-admin-pass',
  demoPassword: 'bench-demo-pass',
};
const server = await createServer(config, {
  storage: new MemoryBlobStorage(),
  routeIncoming: !process.argv.includes('--no-routing'),
});
const url = await server.app.listen({ port: 0, host: '127.0.0.1' });
console.log(`LISTENING ${url}`);
const gc = { minor: 0, minorMs: 0, major: 0, majorMs: 0 };
if (process.env.BENCH_VERBOSE) {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      // kind 1 is a scavenge (perf_hooks constants.NODE_PERFORMANCE_GC_MINOR).
      const minor = (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === 1;
      if (minor) {
        gc.minor++;
        gc.minorMs += e.duration;
      } else {
        gc.major++;
        gc.majorMs += e.duration;
      }
    }
  }).observe({ entryTypes: ['gc'] });
}
// SIGUSR2: the collections so far, so that a benchmark can read them around one of its phases.
process.on('SIGUSR2', () => {
  const side = process.argv.includes('--no-routing') ? 'without routing' : 'with routing';
  console.error(`app ${side}: garbage collections so far ${JSON.stringify(gc)}`);
});
process.on('SIGTERM', () => {
  if (process.env.BENCH_VERBOSE) {
    const side = process.argv.includes('--no-routing') ? 'without routing' : 'with routing';
    console.error(
      `app ${side}: garbage collections ${JSON.stringify(gc)}, heap used ${process.memoryUsage().heapUsed}`,
    );
  }
  void server.close().then(() => process.exit(0));
});
