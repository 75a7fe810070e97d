import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestServer, type TestServer } from './helpers.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s?.dispose());

describe('health and authentication', () => {
  it('reports health and which database it runs on', async () => {
    const res = await s.app.inject({ url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', database: process.env.DATABASE_URL ? 'postgresql' : 'pglite' });
  });

  it('serves an OpenAPI document listing the routes', async () => {
    const res = await s.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toContain('/api/org/units');
  });

  it('logs in with an httpOnly cookie and a CSRF token, stores the password as argon2id', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'pct1', password: 'demo-test-password' },
    });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/dh_session=.+HttpOnly/i);
    expect(res.json().csrfToken).toMatch(/.{20,}/);
    expect(res.json().user.roles).toEqual(['vice_chairman']);
    const [row] = await s.db.query<{ password_hash: string }>(
      `SELECT password_hash FROM users WHERE username = 'pct1'`,
    );
    expect(row!.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('answers a wrong password with 401 and a Vietnamese message', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'vanthu', password: 'sai-mat-khau' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    });
  });

  it('refuses a state change without the CSRF token, accepts it with the token', async () => {
    const a = await login(s.app, 'admin');
    const without = await s.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: { cookie: a.cookie },
      payload: { name: 'x' },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('CSRF_INVALID');
    const withTok = await s.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: a.headers,
      payload: { name: 'liên thông' },
    });
    expect(withTok.statusCode).toBe(200);
    const token = withTok.json().token as string;
    // A bearer token needs no CSRF token.
    const viaToken = await s.app.inject({
      method: 'PUT',
      url: '/api/org/quotas',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        unitId: (await s.db.query<{ id: string }>(`SELECT id FROM units WHERE code = 'STP'`))[0]!.id,
        year: 2026,
        approvedCivil: 32,
        approvedPublic: 25,
        actualCivil: 33,
        actualPublic: 25,
      },
    });
    expect(viaToken.statusCode).toBe(200);
    expect(viaToken.json().overQuota).toBe(true);
    const bad = await s.app.inject({ url: '/api/auth/me', headers: { authorization: 'Bearer nope' } });
    expect(bad.statusCode).toBe(401);
  });

  it('logs out: the session no longer works', async () => {
    const a = await login(s.app, 'chuyenvien');
    expect((await s.app.inject({ url: '/api/auth/me', headers: { cookie: a.cookie } })).statusCode).toBe(200);
    expect((await s.app.inject({ method: 'POST', url: '/api/auth/logout', headers: a.headers })).statusCode).toBe(200);
    expect((await s.app.inject({ url: '/api/auth/me', headers: { cookie: a.cookie } })).statusCode).toBe(401);
  });

  it('answers the 11th failed login within a minute with 429, even with the right password', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await s.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.9.9.9',
        payload: { username: 'truongphong', password: `wrong-${i}` },
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(codes[10]).toBe(429);
    const right = await s.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.9.9.9',
      payload: { username: 'truongphong', password: 'demo-test-password' },
    });
    expect(right.statusCode).toBe(429);
    expect(right.json().message).toMatch(/quá nhiều lần/);
  });

  it('answers a malformed body with 400 naming the field, and writes nothing', async () => {
    const a = await login(s.app, 'admin');
    const count = async () =>
      (
        await s.db.query<{ n: number }>('SELECT (SELECT count(*) FROM units) + (SELECT count(*) FROM audit_log) AS n')
      )[0]!.n;
    const before = await count();
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/org/units',
      headers: a.headers,
      payload: { code: 'SX', name: 'Sở X', shortName: 'SX', level: 'agency', type: 'Sở', orgId: 'not-an-id' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('orgId');
    expect(res.json().message).toContain('Mã định danh');
    const missing = await s.app.inject({
      method: 'POST',
      url: '/api/org/units',
      headers: a.headers,
      payload: { code: 'SX' },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('REQUIRED');
    expect(missing.json().message).toMatch(/Tên \(name\)|bắt buộc/);
    const notJson = await s.app.inject({
      method: 'POST',
      url: '/api/org/units',
      headers: { ...a.headers, 'content-type': 'application/json' },
      payload: '{"code":',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().code).toBe('INVALID_JSON');
    // A valid shape with a reference to nothing fails inside the transaction and leaves nothing behind.
    const badRef = await s.app.inject({
      method: 'POST',
      url: '/api/org/units',
      headers: a.headers,
      payload: { code: 'SX', name: 'Sở X', shortName: 'SX', level: 'agency', type: 'Sở', fieldCodes: ['KHONG_CO'] },
    });
    expect(badRef.statusCode).toBe(400);
    expect(badRef.json().field).toBe('fieldCodes');
    expect(await count()).toBe(before);
  });

  it('answers in English when asked', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en' },
      payload: { username: 'x', password: 'y' },
    });
    expect(res.json().message).toBe('Wrong user name or password.');
  });
});
