import type { FastifyInstance } from 'fastify';
import type { Config } from './platform/config.js';
import { type Db, openDb } from './platform/db.js';
import { applyMigrations, MIGRATION_LOCK_KEY } from './platform/migrate.js';
import { buildHttp, type RouteInfo } from './platform/http/app.js';
import { seedIfEmpty, type SeedResult } from './org/seed/seed.js';
import { seedRoutingIfEmpty } from './routing/seed/seed-routing.js';
import { authRoutes } from './auth/auth.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { unitRoutes } from './org/units.routes.js';
import { peopleRoutes } from './org/people.routes.js';
import { assignmentRoutes } from './org/assignments.routes.js';
import { quotaRoutes } from './org/quotas.routes.js';
import { healthRoutes } from './platform/http/health.routes.js';
import path from 'node:path';
import { type Clock, systemClock } from './platform/clock.js';
import { type BlobStorage, LocalBlobStorage } from './files/storage.js';
import { incomingRoutes } from './documents/incoming.routes.js';
import { outgoingRoutes } from './documents/outgoing.routes.js';
import { documentRoutes } from './documents/document.routes.js';
import { uploadRoutes } from './documents/upload.routes.js';
import { createRouting } from './routing/service.js';
import { routingRoutes } from './routing/routing.routes.js';
import { calendarLoader } from './routing/deadline.js';
import { calendarRoutes } from './calendar/calendar.routes.js';
import { storedDays } from './calendar/calendar.store.js';
import { taskRoutes } from './tasks/tasks.routes.js';
import { importRoutes } from './tasks/import.routes.js';
import { createJobRunner } from './platform/jobs.js';
import { enqueueScan, followupJobs, type Mailer } from './tasks/reminders.js';
import { smtpMailer } from './platform/mailer.js';
import { retrainClassifier } from './routing/retrain.js';

export interface Server {
  jobs: ReturnType<typeof createJobRunner>;
  app: FastifyInstance;
  db: Db;
  routes: RouteInfo[];
  migrations: string[];
  seed: SeedResult;
  close(): Promise<void>;
}

/**
 * Migrates and seeds under one advisory lock, so that instances starting together on one
 * database migrate once and seed once.
 */
export async function prepareDatabase(db: Db, config: Pick<Config, 'adminPassword' | 'demoPassword'>) {
  return db.withLock(MIGRATION_LOCK_KEY, async (q) => {
    const migrations = await applyMigrations(q);
    const seed = await seedIfEmpty(q, config);
    await seedRoutingIfEmpty(q);
    return { migrations, seed };
  });
}

/** Composition root: config → db → domains → http. */
export interface ServerOptions {
  db?: Db;
  clock?: Clock;
  storage?: BlobStorage;
  /**
   * Route incoming documents at registration (default). Only the documents benchmark turns it
   * off, to measure what routing adds to the registration path.
   */
  routeIncoming?: boolean;
  mailer?: Mailer | null;
}

export async function createServer(config: Config, opts: ServerOptions = {}): Promise<Server> {
  const given = opts.db;
  const db = given ?? (await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  const clock = opts.clock ?? systemClock;
  const storage = opts.storage ?? new LocalBlobStorage(path.join(config.dataDir, 'files'));
  const { migrations, seed } = await prepareDatabase(db, config);
  const { app, routes } = await buildHttp(config, db);
  healthRoutes(app, db);
  authRoutes(app, db, config);
  auditRoutes(app, db);
  unitRoutes(app, db);
  peopleRoutes(app, db);
  assignmentRoutes(app, db);
  quotaRoutes(app, db);
  const routing = createRouting({ loadCalendar: calendarLoader(storedDays) });
  calendarRoutes(app, db);
  taskRoutes(app, db, clock);
  importRoutes(app, db, clock);
  const jobs = createJobRunner(db, {
    ...followupJobs(clock, opts.mailer ?? smtpMailer(config.smtpUrl, config.smtpFrom)),
    'retrain-classifier': retrainClassifier,
  });
  if (config.jobsPollMs > 0) jobs.start(config.jobsPollMs, () => enqueueScan(db, clock));
  incomingRoutes(app, db, clock, opts.routeIncoming === false ? null : routing);
  routingRoutes(app, db, clock, routing);
  outgoingRoutes(app, db, clock);
  documentRoutes(app, db, storage, clock);
  uploadRoutes(app, db, clock, storage, routing);
  await app.ready();
  return {
    app,
    db,
    routes,
    migrations,
    seed,
    jobs,
    async close() {
      await jobs.stop();
      await app.close();
      if (!given) await db.close();
    },
  };
}
