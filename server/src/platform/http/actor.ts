import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../audit/audit.store.js';

export function actorOf(req: FastifyRequest): Actor {
  return { id: req.user?.id ?? null, name: req.user?.username ?? 'anonymous' };
}
