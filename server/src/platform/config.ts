import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  demoPassword: string | undefined;
  /** Serve the built web app from this folder when it exists. */
  webDist: string;
  /** Cookies get `Secure` when the app is served over HTTPS behind a proxy. */
  secureCookies: boolean;
  sessionHours: number;
  smtpUrl: string | undefined;
  smtpFrom: string;
  /** Poll interval of the durable job runner; 0 turns the runner off (tests drive it by hand). */
  jobsPollMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT không hợp lệ: ${env.PORT}`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    demoPassword: env.DEMO_PASSWORD || undefined,
    webDist: path.resolve(env.WEB_DIST ?? new URL('../../../web/dist', import.meta.url).pathname),
    secureCookies: env.SECURE_COOKIES === 'true',
    sessionHours: Number(env.SESSION_HOURS ?? 12),
    smtpUrl: env.SMTP_URL || undefined,
    smtpFrom: env.SMTP_FROM ?? 'Hệ thống điều hành <noreply@localhost>',
    jobsPollMs: Number(env.JOBS_POLL_MS ?? 30_000),
  };
}
