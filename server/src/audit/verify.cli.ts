import { loadConfig } from '../platform/config.js';
import { openDb } from '../platform/db.js';
import { verifyAuditChain } from './audit.store.js';

/** `npm run audit:verify`: exits 1 and names the first broken row when the chain does not hold. */
const config = loadConfig();
const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const r = await verifyAuditChain(db);
  if (r.firstBrokenId === null) {
    console.log(`Nhật ký toàn vẹn: đã kiểm tra ${r.checked} dòng. (audit chain intact: ${r.checked} rows)`);
  } else {
    console.error(
      `Nhật ký bị sửa đổi tại dòng id=${r.firstBrokenId}. (audit chain broken at row id=${r.firstBrokenId})`,
    );
    process.exitCode = 1;
  }
} finally {
  await db.close();
}
