import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestServer, type Session, type TestServer } from './helpers.js';

let s: TestServer;
let noRoles: Session;
beforeAll(async () => {
  s = await startTestServer();
  const admin = await login(s.app, 'admin');
  const created = await s.app.inject({
    method: 'POST',
    url: '/api/org/people',
    headers: admin.headers,
    payload: {
      username: 'khongvaitro',
      fullName: 'Người không có vai trò',
      position: '',
      unitId: null,
      roles: [],
      clearance: 0,
      password: 'khong-vai-tro-123',
    },
  });
  expect(created.statusCode).toBe(200);
  noRoles = await login(s.app, 'khongvaitro', 'khong-vai-tro-123');
});
afterAll(async () => s?.dispose());

const concrete = (url: string) => url.replace(/:(id|leaderId)/g, crypto.randomUUID()).replace(/:code/g, 'TAI_CHINH');

describe('the whole route table', () => {
  it('declares an access rule on every API route, and only health, openapi and login are public', () => {
    expect(s.routes.length).toBeGreaterThan(15);
    const pub = s.routes.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`);
    expect(pub.sort()).toEqual(['GET /api/health', 'GET /api/openapi.json', 'POST /api/auth/login']);
    const anyUser = s.routes.filter((r) => r.access === 'authenticated').map((r) => `${r.method} ${r.url}`);
    // Only routes about the caller's own data: session, inbox, notifications.
    expect(anyUser.sort()).toEqual([
      'GET /api/auth/me',
      'GET /api/inbox',
      'GET /api/notifications',
      'POST /api/auth/logout',
      'POST /api/notifications/:id/read',
    ]);
  });

  it('answers 401 on every non-public route without a session', async () => {
    for (const r of s.routes.filter((x) => x.access !== 'public')) {
      const res = await s.app.inject({
        method: r.method as 'GET',
        url: concrete(r.url),
        payload: r.method === 'GET' ? undefined : {},
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers 403 on every permission route for a user without that permission', async () => {
    const guarded = s.routes.filter((x) => x.access !== 'public' && x.access !== 'authenticated');
    for (const r of guarded) {
      const res = await s.app.inject({
        method: r.method as 'GET',
        url: concrete(r.url),
        headers: noRoles.headers,
        payload: r.method === 'GET' ? undefined : {},
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
  });

  it('refuses admin-only writes to a Vice Chairman', async () => {
    const pct = await login(s.app, 'pct2');
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/org/fields',
      headers: pct.headers,
      payload: { code: 'X_Y', name: 'Thử' },
    });
    expect(res.statusCode).toBe(403);
  });
});
