import { loadConfig } from './platform/config.js';
import { createServer } from './server.js';

const config = loadConfig();
const server = await createServer(config);
if (server.seed.seeded) {
  server.app.log.info('Đã nạp dữ liệu mẫu tỉnh Quảng Ngãi (demo province loaded).');
  for (const g of server.seed.generated) {
    // Printed once, at the first start only: the operator must note it now.
    console.log(`\n*** Mật khẩu được tạo cho ${g.username} / generated password: ${g.password}\n`);
  }
}
await server.app.listen({ port: config.port, host: config.host });
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    void server.close().then(() => process.exit(0));
  });
}
