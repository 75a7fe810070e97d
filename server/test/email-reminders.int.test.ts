import net from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/platform/config.js';
import { smtpMailer } from '../src/platform/mailer.js';
import { createServer, type Server } from '../src/server.js';
import { MemoryBlobStorage } from '../src/files/storage.js';
import { enqueueScan } from '../src/tasks/reminders.js';
import { freshDatabase, login } from './helpers.js';

/** A local SMTP sink: it accepts every message and keeps it for the test to read. */
const received: { to: string[]; data: string }[] = [];
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, done) {
    let data = '';
    stream.on('data', (c: Buffer) => (data += c.toString('utf8')));
    stream.on('end', () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
      done();
    });
  },
});
let port = 0;
let server: Server;
let fresh: Awaited<ReturnType<typeof freshDatabase>>;
const clock = { now: () => new Date('2026-03-10T02:00:00Z') };

beforeAll(async () => {
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', () => resolve()));
  port = ((sink as unknown as { server: net.Server }).server.address() as net.AddressInfo).port;
  fresh = await freshDatabase();
  const db = await fresh.open();
  const cfg = {
    ...loadConfig({ JOBS_POLL_MS: '0' }),
    adminPassword: 'admin-mail-pass',
    demoPassword: 'demo-mail-pass',
  };
  server = await createServer(cfg, {
    db,
    clock,
    storage: new MemoryBlobStorage(),
    mailer: smtpMailer(`smtp://127.0.0.1:${port}`, 'Điều hành <noreply@dieuhanh.test>'),
  });
});
afterAll(async () => {
  await server?.close();
  await server?.db.close();
  await fresh?.drop();
  await new Promise<void>((resolve) => sink.close(() => resolve()));
});

describe('e-mail reminders', () => {
  it('mails the person in charge of an overdue task once, with a Vietnamese subject', async () => {
    await server.db.query(`UPDATE users SET email = 'mai.nt@quangngai.gov.vn' WHERE username = 'truongphong'`);
    const admin = await login(server.app, 'admin', 'admin-mail-pass');
    const [dept] = await server.db.query<{ id: string }>(`SELECT id FROM units WHERE code = 'VP-KTTH'`);
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: admin.headers,
      payload: { content: 'Tổng hợp báo cáo kinh tế - xã hội tháng 02', leadUnitId: dept!.id, deadline: '2026-03-04' },
    });
    expect(res.statusCode).toBe(201);
    for (let i = 0; i < 2; i++) {
      await enqueueScan(server.db, { now: () => new Date(Date.parse('2026-03-10T02:00:00Z') + i * 60_000) });
      await server.jobs.runDue();
    }
    const mails = received.filter((m) => m.to.includes('mai.nt@quangngai.gov.vn'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.data).toMatch(/Subject: =\?UTF-8\?/);
    expect(mails[0]!.data).toContain('Message-ID: <notification-');
    const [n] = await server.db.query<{ emailed: boolean }>(
      `SELECT emailed_at IS NOT NULL AS emailed FROM notifications WHERE kind = 'task_overdue'`,
    );
    expect(n!.emailed).toBe(true);
  });
});
