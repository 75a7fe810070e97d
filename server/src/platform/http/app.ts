import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { Db } from '../db.js';
import { AppError } from '../errors.js';
import { z } from 'zod';
import { messageFor } from './messages.js';
import { serializerCompiler } from './serialize.js';
import { authenticate, SESSION_COOKIE, type RouteAccess } from './auth-hook.js';
import type { AuthUser } from '../../auth/auth.store.js';

declare module 'fastify' {
  interface FastifyRequest {
    user: AuthUser | null;
    authVia: 'session' | 'token' | null;
    csrfToken: string | null;
    sessionId: string | null;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export interface RouteInfo {
  method: string;
  url: string;
  access: RouteAccess;
}

export function lang(req: FastifyRequest): 'vi' | 'en' {
  return /^en\b/i.test(String(req.headers['accept-language'] ?? '')) ? 'en' : 'vi';
}

const VI = z.locales.vi().localeError;
const EN = z.locales.en().localeError;

/** zod's own messages are English; give the Vietnamese one too. Our custom messages are already Vietnamese. */
function zodDetail(
  v: { keyword: string; message?: string; params: Record<string, unknown> } | undefined,
): Record<string, string> {
  if (!v) return {};
  const issue = { ...v.params, code: v.keyword, path: [], message: v.message } as never;
  const en = EN(issue);
  const enText = typeof en === 'string' ? en : (en?.message ?? '');
  if (v.message && v.message !== enText) return { detail: v.message, detailEn: v.message };
  const vi = VI(issue);
  return { detail: typeof vi === 'string' ? vi : (vi?.message ?? enText), detailEn: enText };
}

function zodPathToField(instancePath: string | undefined): string | undefined {
  if (!instancePath) return undefined;
  return instancePath.replace(/^\//, '').replace(/\//g, '.') || undefined;
}

/** Builds the HTTP shell shared by every domain: errors, auth, CSRF, OpenAPI, static web. */
export async function buildHttp(config: Config, db: Db): Promise<{ app: FastifyInstance; routes: RouteInfo[] }> {
  const app = Fastify({
    logger: process.env.NODE_ENV === 'test' ? false : { level: process.env.LOG_LEVEL ?? 'info' },
    trustProxy: true,
    bodyLimit: 2 * 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api') || r.url.startsWith('/api/docs')) return;
    const access = r.config?.access;
    // Every API route must say who may call it: forgetting is a startup error, not an open door.
    if (!access) throw new Error(`Route ${r.method} ${r.url} declares no access rule`);
    for (const m of [r.method].flat()) if (m !== 'HEAD') routes.push({ method: m, url: r.url, access });
  });

  await app.register(cookie);
  // Upload routes read parts themselves (documents/upload.routes.ts) with their own limits.
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'dieuhanh API', version: '0.1.0', description: 'Hệ thống Quản lý văn bản và điều hành' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.decorateRequest('user', null);
  app.decorateRequest('authVia', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionId', null);
  app.addHook('onRequest', authenticate(db));

  app.setErrorHandler((err: Error, req, reply) => {
    const l = lang(req);
    let code = 'INTERNAL';
    let status = 500;
    let field: string | undefined;
    let params: Record<string, string | number> = {};
    let extra: Record<string, unknown> = {};
    if (err instanceof AppError) {
      ({ code, status, field, params, extra } = err);
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0];
      status = 400;
      field = zodPathToField(first?.instancePath) ?? (err.validationContext === 'body' ? 'body' : undefined);
      const missing = /received undefined/i.test(first?.message ?? '');
      code = missing ? 'REQUIRED' : 'VALIDATION_FAILED';
      params = missing ? {} : zodDetail(first);
    } else if ((err as { code?: string }).code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError) {
      status = 400;
      code = 'INVALID_JSON';
      field = 'body';
    } else if (((err as Error & { statusCode?: number }).statusCode ?? 500) < 500) {
      status = (err as Error & { statusCode: number }).statusCode;
      code = 'VALIDATION_FAILED';
      field = 'body';
      params = { detail: err.message };
    } else {
      req.log.error({ err }, 'unhandled error');
    }
    const m = messageFor(code, params, field);
    void reply
      .status(status)
      .send({ ...extra, code, message: l === 'en' ? m.messageEn : m.message, messageEn: m.messageEn, field });
  });

  if (fs.existsSync(path.join(config.webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: config.webDist, wildcard: false });
  }
  app.setNotFoundHandler((req, reply) => {
    // API paths and missing static files (anything with an extension) are real 404s; other paths are app routes.
    const isFile = /\.[a-z0-9]+$/i.test(req.url.split('?')[0]!);
    if (req.url.startsWith('/api') || isFile || !fs.existsSync(path.join(config.webDist, 'index.html'))) {
      const m = messageFor('ROUTE_NOT_FOUND', {}, undefined);
      return reply.status(404).send({ code: 'ROUTE_NOT_FOUND', ...m });
    }
    // Client-side routes of the single-page app.
    return reply.sendFile('index.html');
  });

  return { app, routes };
}

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}
