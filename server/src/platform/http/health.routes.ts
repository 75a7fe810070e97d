import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db.js';
import { typed } from './app.js';

export function healthRoutes(app: FastifyInstance, db: Db): void {
  typed(app).get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['platform'],
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']) }) },
      },
    },
    async () => {
      await db.query('SELECT 1');
      return { status: 'ok' as const, database: db.kind };
    },
  );
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
}
