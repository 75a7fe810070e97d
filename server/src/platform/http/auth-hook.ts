import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db.js';
import { AppError } from '../errors.js';
import { userBySession, userByToken } from '../../auth/auth.store.js';
import { can, type Permission } from '../../auth/permissions.js';

export const SESSION_COOKIE = 'dh_session';

/** Who may call a route: anyone, any signed-in user, or holders of one permission. */
export type RouteAccess = 'public' | 'authenticated' | Permission;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs before body parsing and validation, so an unauthenticated or unauthorised
 * caller learns nothing about the body's shape and nothing is written.
 */
export function authenticate(db: Db) {
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const access = req.routeOptions.config?.access;
    if (!access) return;
    const bearer = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
    if (bearer) {
      const user = await userByToken(db, bearer.trim());
      if (user) {
        req.user = user;
        req.authVia = 'token';
      }
    } else {
      const sid = req.cookies?.[SESSION_COOKIE];
      if (sid) {
        const s = await userBySession(db, sid);
        if (s) {
          req.user = s.user;
          req.authVia = 'session';
          req.csrfToken = s.csrfToken;
          req.sessionId = sid;
        }
      }
    }
    if (access === 'public') return;
    if (!req.user) throw new AppError('UNAUTHENTICATED', 401);
    // Double-submit token tied to the session: a cross-site form cannot read it.
    if (req.authVia === 'session' && !SAFE_METHODS.has(req.method)) {
      if (req.headers['x-csrf-token'] !== req.csrfToken) throw new AppError('CSRF_INVALID', 403);
    }
    if (access !== 'authenticated' && !can(req.user.roles, access)) {
      throw new AppError('FORBIDDEN', 403, undefined, { permission: access });
    }
  };
}
