#!/usr/bin/env node
// End-to-end runner: starts the server on a free port with a fresh data folder (and a fresh
// PostgreSQL database when DATABASE_URL is set), drives Chromium through playwright-core over the
// specs in e2e/specs, and prints "N passed, M failed". Usage: node e2e/run.mjs [name-filter...]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, createWriteStream, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const serverDir = path.join(root, 'server');
const specsDir = path.join(here, 'specs');
const artifactsDir = path.join(root, 'test-results', 'e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const ADMIN_PASSWORD = 'admin-e2e-pass';
const DEMO_PASSWORD = 'demo-e2e-pass';
const SPEC_TIMEOUT_MS = Number(process.env.E2E_SPEC_TIMEOUT ?? 120_000);
const STARTUP_TIMEOUT_MS = Number(process.env.E2E_STARTUP_TIMEOUT ?? 120_000);

const log = (...a) => console.log('[e2e]', ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** A throwaway PostgreSQL database next to DATABASE_URL's (server/src/platform/scratch-db.ts). */
async function freshDatabase(baseUrl) {
  const { tsImport } = await import('tsx/esm/api');
  const { scratchDatabase } = await tsImport(
    pathToFileURL(path.join(serverDir, 'src', 'platform', 'scratch-db.ts')).href,
    import.meta.url,
  );
  const db = await scratchDatabase(baseUrl, 'e2e');
  return { ...db, name: new URL(db.url).pathname.slice(1) };
}

function startServer({ port, dataDir, databaseUrl, logFile }) {
  const entry = path.join(serverDir, 'src', 'main.ts');
  if (!existsSync(entry)) throw new Error(`server entry not found: ${entry}`);
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ADMIN_PASSWORD,
    DEMO_PASSWORD,
    WEB_DIST: path.join(root, 'web', 'dist'),
    NODE_ENV: 'production',
  };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  const out = createWriteStream(logFile);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  return child;
}

async function waitForHealth(baseURL, child) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let exited = null;
  child.once('exit', (code, signal) => (exited = { code, signal }));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`server exited during start-up (${JSON.stringify(exited)})`);
    try {
      const res = await fetch(`${baseURL}/api/health`);
      if (res.ok) return await res.json();
    } catch {
      /* not listening yet */
    }
    await sleep(250);
  }
  throw new Error(`server not healthy after ${STARTUP_TIMEOUT_MS} ms`);
}

async function stopServer(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
  const timedOut = await Promise.race([exited.then(() => false), sleep(10_000).then(() => true)]);
  if (timedOut) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]);
}

async function loadSpecs(filters) {
  const { tsImport } = await import('tsx/esm/api');
  const files = (await readdir(specsDir)).filter((f) => /\.spec\.(ts|mjs)$/.test(f)).sort();
  const specs = [];
  for (const f of files) {
    const mod = await tsImport(pathToFileURL(path.join(specsDir, f)).href, import.meta.url);
    const spec = mod.default;
    if (!spec || typeof spec.run !== 'function') throw new Error(`${f}: default export must be defineSpec(...)`);
    if (filters.length && !filters.some((q) => f.includes(q) || spec.name.includes(q))) continue;
    specs.push({ file: f, ...spec });
  }
  return specs;
}

async function main() {
  const filters = process.argv.slice(2);
  if (!existsSync(path.join(root, 'web', 'dist', 'index.html'))) {
    throw new Error('web/dist/index.html is missing: run `npm run build` first');
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`);
  mkdirSync(artifactsDir, { recursive: true });

  const specs = await loadSpecs(filters);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'dieuhanh-e2e-'));
  const logFile = path.join(artifactsDir, 'server.log');
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  let db = null;
  let server = null;
  let browser = null;
  let passed = 0;
  let failed = 0;

  const cleanup = async () => {
    if (browser) await browser.close().catch(() => {});
    browser = null;
    await stopServer(server);
    server = null;
    if (db) await db.drop().catch((e) => log(`could not drop database ${db.name}: ${e.message}`));
    db = null;
    await rm(dataDir, { recursive: true, force: true }).catch(() => {});
  };
  const onSignal = () => {
    void cleanup().then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    if (process.env.DATABASE_URL) {
      db = await freshDatabase(process.env.DATABASE_URL);
      log(`PostgreSQL database ${db.name}`);
    }
    server = startServer({ port, dataDir, databaseUrl: db?.url, logFile });
    const health = await waitForHealth(baseURL, server);
    log(`server ${baseURL} healthy (${health.database})`);

    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });

    for (const spec of specs) {
      const started = Date.now();
      const context = await browser.newContext({
        baseURL,
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
        viewport: { width: 1400, height: 900 },
        acceptDownloads: true,
      });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      const pageErrors = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      try {
        await withTimeout(
          spec.run({
            page,
            context,
            baseURL,
            adminPassword: ADMIN_PASSWORD,
            demoPassword: DEMO_PASSWORD,
            artifactsDir,
          }),
          SPEC_TIMEOUT_MS,
          spec.name,
        );
        if (pageErrors.length) throw new Error(`uncaught page errors: ${pageErrors.join(' | ')}`);
        passed++;
        console.log(`  ✓ ${spec.name} (${Date.now() - started} ms)`);
      } catch (e) {
        failed++;
        const shot = path.join(artifactsDir, `${spec.file.replace(/\.spec\.\w+$/, '')}-failure.png`);
        await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
        console.log(`  ✗ ${spec.name} (${Date.now() - started} ms)`);
        console.log(
          `    ${String(e?.stack ?? e)
            .split('\n')
            .slice(0, 6)
            .join('\n    ')}`,
        );
        console.log(`    screenshot: ${path.relative(root, shot)}`);
      } finally {
        await context.close().catch(() => {});
      }
    }
  } catch (e) {
    // Specs that could not run count as failed.
    failed = Math.max(1, specs.length - passed);
    console.log(`[e2e] setup failed: ${e?.stack ?? e}`);
    if (existsSync(logFile)) {
      const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
      console.log(`[e2e] server log (last lines):\n${tail}`);
    }
  } finally {
    await cleanup();
  }

  if (failed && existsSync(logFile)) log(`server log: ${path.relative(root, logFile)}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
