import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { UserSchema } from './user.schema.js';
import type { Config } from '../platform/config.js';
import type { Db } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { typed } from '../platform/http/app.js';
import { SESSION_COOKIE } from '../platform/http/auth-hook.js';
import { appendAudit } from '../audit/audit.store.js';
import {
  createApiToken,
  createSession,
  deleteSession,
  findUserByUsername,
  LOGIN_MAX_FAILURES,
  LOGIN_WINDOW_SECONDS,
  recentFailures,
  recordFailure,
  toAuthUser,
} from './auth.store.js';
import { hashPassword, randomPassword, verifyPassword } from './passwords.js';

const UserOut = UserSchema;

// Verified against when the user name is unknown, so timing does not reveal which names exist.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword(randomPassword()));

export function authRoutes(app: FastifyInstance, db: Db, config: Config): void {
  const r = typed(app);

  r.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        body: z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) }),
        response: { 200: z.object({ user: UserOut, csrfToken: z.string() }) },
      },
    },
    async (req, reply) => {
      const { username, password } = req.body;
      if ((await recentFailures(db, username, req.ip)) >= LOGIN_MAX_FAILURES) {
        void reply.header('retry-after', String(LOGIN_WINDOW_SECONDS));
        throw new AppError('TOO_MANY_ATTEMPTS', 429, undefined, { seconds: LOGIN_WINDOW_SECONDS });
      }
      const row = await findUserByUsername(db, username);
      const ok = await verifyPassword(row?.password_hash ?? (await getDummyHash()), password);
      if (!row || !ok || !row.active) {
        await recordFailure(db, username, req.ip);
        throw new AppError('INVALID_CREDENTIALS', 401, 'password');
      }
      const user = toAuthUser(row);
      const s = await db.tx(async (q) => {
        const s = await createSession(q, user.id, config.sessionHours);
        await appendAudit(q, { id: user.id, name: user.username }, 'login', 'user', user.id, null, { ip: req.ip });
        return s;
      });
      void reply.setCookie(SESSION_COOKIE, s.sessionId, {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        path: '/',
        maxAge: config.sessionHours * 3600,
      });
      return { user, csrfToken: s.csrfToken };
    },
  );

  r.post(
    '/api/auth/logout',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['auth'], response: { 200: z.object({ ok: z.boolean() }) } },
    },
    async (req, reply) => {
      if (req.sessionId) await deleteSession(db, req.sessionId);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  r.get(
    '/api/auth/me',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['auth'], response: { 200: z.object({ user: UserOut, csrfToken: z.string().nullable() }) } },
    },
    async (req) => ({ user: req.user!, csrfToken: req.csrfToken }),
  );

  r.post(
    '/api/auth/tokens',
    {
      config: { access: 'tokens.create' },
      schema: {
        tags: ['auth'],
        body: z.object({ name: z.string().trim().min(1).max(100) }),
        response: { 200: z.object({ id: z.string(), name: z.string(), token: z.string() }) },
      },
    },
    async (req) =>
      db.tx(async (q) => {
        const t = await createApiToken(q, req.user!.id, req.body.name);
        await appendAudit(q, { id: req.user!.id, name: req.user!.username }, 'create', 'api_token', t.id, null, {
          name: t.name,
        });
        return t;
      }),
  );
}
