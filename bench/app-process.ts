/**
 * One app instance for a benchmark, in its own process as in production, so that the load
 * generator does not share the server's event loop. Prints "LISTENING <url>" when ready.
 * Run by bench scripts: node --import tsx bench/app-process.ts <databaseUrl> [--no-routing]
 */
import { loadConfig } from '../server/src/platform/config.js';
import { createServer } from '../server/src/server.js';
import { MemoryBlobStorage } from '../server/src/files/storage.js';

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
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
