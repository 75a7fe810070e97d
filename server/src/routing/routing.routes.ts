import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../platform/db.js';
import type { Clock } from '../platform/clock.js';
import { AppError, notFound } from '../platform/errors.js';
import { typed } from '../platform/http/app.js';
import { actorOf } from '../platform/http/actor.js';
import { appendAudit } from '../audit/audit.store.js';
import { loadDocument } from '../documents/document.store.js';
import { IncomingIn } from '../documents/document.schema.js';
import { dateInVietnam } from '../documents/numbering.js';
import { compilePolicy } from './engine.js';
import { loadRoute, routingInputOf, storedRouteOut } from './document-route.store.js';
import { routeChanges } from './dry-run.js';
import { COMPETENCE_LEVELS, FLOWS, REQUEST_KINDS, type Policy } from './policy.js';
import { RouteOut, StoredRouteOut } from './route.schema.js';
import { summary } from './register-hook.js';
import {
  loadCatalogue,
  loadOutgoingOrg,
  policyByStatus,
  policyVersion,
  policyVersions,
  publishDraft,
  replaceCatalogue,
  saveDraft,
} from './routing.store.js';
import type { Routing } from './service.js';
import { communesOverview } from './communes.store.js';
import { createUnitDirectory } from '../org/unit-directory.js';
import { planOutgoing } from './outgoing-route.js';
import { encodeRoute } from './route-codec.js';

const Ref = z.object({ id: z.string(), name: z.string() }).nullable();
const PolicyBody = z.object({
  rules: z.array(z.unknown()),
  signing: z.array(z.unknown()).optional(),
  keywords: z.record(z.string(), z.array(z.string())).default({}),
});
const VersionOut = z.object({
  version: z.number(),
  status: z.string(),
  note: z.string(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
});

export function routingRoutes(app: FastifyInstance, db: Db, clock: Clock, routing: Routing): void {
  const r = typed(app);
  const units = createUnitDirectory();
  const tags = ['routing'];

  r.post(
    '/api/routing/preview',
    {
      config: { access: 'incoming.register' },
      schema: {
        tags,
        description: 'Tính luồng xử lý cho một văn bản đến như khi đăng ký, không ghi gì.',
        body: IncomingIn,
        response: { 200: RouteOut },
      },
    },
    async (req) => {
      const b = req.body;
      // The same resolution as registration (org/unit-directory.ts), so preview and register agree.
      const issuer = b.issuer.unitCode
        ? await units.byCode(db, b.issuer.unitCode)
        : await units.byName(db, b.issuer.name ?? '');
      if (b.issuer.unitCode && !issuer)
        throw new AppError('UNKNOWN_REFERENCE', 400, 'issuer.unitCode', { value: b.issuer.unitCode });
      const input = {
        issuer: issuer
          ? {
              unitId: issuer.id,
              unitCode: issuer.code,
              name: issuer.name,
              level: issuer.level,
              areaCode: issuer.areaCode,
            }
          : { unitId: null, name: b.issuer.name ?? '' },
        type: b.type,
        subject: b.subject,
        text: b.text,
        fields: b.fields ?? [],
        urgency: b.urgency,
        secrecy: b.secrecy,
        references: (b.references ?? []).map((x) => ({ code: x.code, kind: x.kind })),
        referencedCodes: b.referencedCodes,
        dueDate: b.dueDate ?? null,
        date: dateInVietnam(clock.now()),
      };
      return summary(await routing.compute(db, input), b.fields ?? [], req.user!.clearance);
    },
  );

  r.get(
    '/api/documents/:id/route',
    {
      config: { access: 'documents.read' },
      schema: { tags, params: z.object({ id: z.uuid() }), response: { 200: StoredRouteOut } },
    },
    async (req) => {
      await loadDocument(db, req.user!, req.params.id);
      const s = await loadRoute(db, req.params.id);
      if (!s) throw notFound('luồng xử lý');
      return storedRouteOut(s, req.user!.clearance);
    },
  );

  r.post(
    '/api/documents/:id/route/override',
    {
      config: { access: 'routing.override' },
      schema: {
        tags,
        description: 'Văn thư hoặc lãnh đạo điều chỉnh luồng xử lý, nêu lý do. Được ghi nhật ký và dùng để học.',
        params: z.object({ id: z.uuid() }),
        body: z.object({
          flow: z.enum(FLOWS).optional(),
          leaderId: z.uuid().nullable().optional(),
          departmentId: z.uuid().nullable().optional(),
          leadAgencyId: z.uuid().nullable().optional(),
          field: z.string().max(40).optional(),
          deadline: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .nullable()
            .optional(),
          guidance: z.string().max(5000).optional(),
          reason: z.string().trim().min(5).max(2000),
        }),
        response: { 200: StoredRouteOut },
      },
    },
    async (req) =>
      db.tx(async (q) => {
        await loadDocument(q, req.user!, req.params.id);
        const s = await loadRoute(q, req.params.id, true);
        if (!s) throw notFound('luồng xử lý');
        const b = req.body;
        const name = async (table: 'users' | 'units', id: string | null | undefined, field: string) => {
          if (id === undefined) return undefined;
          if (id === null) return null;
          const col = table === 'users' ? 'full_name' : 'name';
          const row = (
            await q.query<{ id: string; name: string }>(`SELECT id, ${col} AS name FROM ${table} WHERE id = $1`, [id])
          )[0];
          if (!row) throw new AppError('UNKNOWN_REFERENCE', 400, field, { value: id });
          return row;
        };
        if (b.field && !(await q.query('SELECT 1 FROM fields WHERE code = $1', [b.field])).length) {
          throw new AppError('UNKNOWN_REFERENCE', 400, 'field', { value: b.field });
        }
        const next = { ...s.route };
        if (b.flow) next.flow = b.flow;
        const leader = await name('users', b.leaderId, 'leaderId');
        if (leader !== undefined) next.leader = leader;
        const dept = await name('units', b.departmentId, 'departmentId');
        if (dept !== undefined) next.department = dept;
        const agency = await name('units', b.leadAgencyId, 'leadAgencyId');
        if (agency !== undefined) next.leadAgency = agency;
        if (b.deadline !== undefined) next.deadline = b.deadline;
        if (b.guidance !== undefined) next.guidance = b.guidance || null;
        next.reasons = [...next.reasons, { rule: 'override', key: 'override', args: [req.user!.fullName, b.reason] }];
        await q.query(
          `UPDATE documents SET route = $2, route_flow = $3, route_overridden = true, route_acted = true,
             route_override_reason = $4, route_field_code = coalesce($5, route_field_code),
             route_field_source = CASE WHEN $5::text IS NULL THEN route_field_source ELSE 'confirmed' END,
             route_field_confidence = CASE WHEN $5::text IS NULL THEN route_field_confidence ELSE 1 END
           WHERE id = $1`,
          [req.params.id, encodeRoute(next), next.flow, b.reason, b.field ?? null],
        );
        if (b.field) {
          await q.query('UPDATE documents SET field_codes = ARRAY[$2]::text[], updated_at = now() WHERE id = $1', [
            req.params.id,
            b.field,
          ]);
        }
        await routing.learn(q, req.params.id);
        await appendAudit(q, actorOf(req), 'route-override', 'document', req.params.id, s.route, {
          ...next,
          reason: b.reason,
          field: b.field,
        });
        return storedRouteOut((await loadRoute(q, req.params.id))!, req.user!.clearance);
      }),
  );

  r.get(
    '/api/routing/policy',
    {
      config: { access: 'routing.read' },
      schema: {
        tags,
        response: {
          200: z.object({
            live: VersionOut.extend({ policy: z.unknown() }).nullable(),
            draft: VersionOut.extend({ policy: z.unknown() }).nullable(),
            vocabulary: z.object({
              flows: z.array(z.string()),
              requestKinds: z.array(z.string()),
              competence: z.array(z.string()),
            }),
          }),
        },
      },
    },
    async () => ({
      live: await policyByStatus(db, 'published'),
      draft: await policyByStatus(db, 'draft'),
      vocabulary: { flows: [...FLOWS], requestKinds: [...REQUEST_KINDS], competence: [...COMPETENCE_LEVELS] },
    }),
  );
  r.get(
    '/api/routing/policy/versions',
    {
      config: { access: 'routing.read' },
      schema: { tags, response: { 200: z.object({ items: z.array(VersionOut) }) } },
    },
    async () => ({ items: await policyVersions(db) }),
  );
  r.get(
    '/api/routing/policy/versions/:version',
    {
      config: { access: 'routing.read' },
      schema: {
        tags,
        params: z.object({ version: z.coerce.number().int() }),
        response: { 200: VersionOut.extend({ policy: z.unknown() }) },
      },
    },
    async (req) => {
      const v = await policyVersion(db, req.params.version);
      if (!v) throw notFound('phiên bản chính sách');
      return v;
    },
  );
  r.put(
    '/api/routing/policy/draft',
    {
      config: { access: 'routing.admin' },
      schema: {
        tags,
        description:
          'Lưu bản nháp chính sách. Quy tắc sai bị từ chối, nêu tên quy tắc; chính sách đang áp dụng không đổi.',
        body: z.object({ policy: PolicyBody, note: z.string().max(2000).default('') }),
        response: { 200: VersionOut.extend({ policy: z.unknown() }) },
      },
    },
    async (req) => db.tx((q) => saveDraft(q, actorOf(req), req.body.policy as Policy, req.body.note)),
  );
  r.post(
    '/api/routing/policy/draft/dry-run',
    {
      config: { access: 'routing.admin' },
      schema: {
        tags,
        description: 'Chạy thử bản nháp trên N văn bản đến gần nhất: văn bản nào đổi luồng, đổi thế nào.',
        body: z.object({ lastN: z.number().int().min(1).max(2000).default(200) }),
        response: {
          200: z.object({
            checked: z.number(),
            changed: z.number(),
            items: z.array(
              z.object({
                documentId: z.string(),
                arrivalNumber: z.number().nullable(),
                code: z.string().nullable(),
                subject: z.string(),
                changes: z.array(z.string()),
                before: z.object({ flow: z.string(), leader: Ref, leadAgency: Ref, deadline: z.string().nullable() }),
                after: z.object({ flow: z.string(), leader: Ref, leadAgency: Ref, deadline: z.string().nullable() }),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const draft = await policyByStatus(db, 'draft');
      if (!draft) throw new AppError('NO_DRAFT', 409);
      const live = await policyByStatus(db, 'published');
      const draftCompiled = { version: draft.version, compiled: compilePolicy(draft.policy) };
      const liveCompiled = live ? { version: live.version, compiled: compilePolicy(live.policy) } : undefined;
      const docs = await db.query<{
        id: string;
        arrival_number: number | null;
        code: string | null;
        subject: string;
        secrecy: number;
      }>(
        `SELECT d.id, d.arrival_number, d.code, d.subject, d.secrecy FROM documents d
         WHERE d.direction = 'in' AND d.route_flow IS NOT NULL ORDER BY d.created_at DESC LIMIT $1`,
        [req.body.lastN],
      );
      const items = [];
      for (const d of docs) {
        const input = await routingInputOf(db, d.id);
        // Resubmission is a link between documents, not a policy outcome: the same on both sides.
        const extras = {
          documentId: d.id,
          duplicateOf: input.duplicateOf ? { id: input.duplicateOf, arrivalNumber: null } : null,
          lookupResubmission: false,
        };
        // Both sides evaluated now on the document's own date, so only the policy differs.
        const before = await routing.compute(db, input, extras, liveCompiled);
        const after = await routing.compute(db, input, extras, draftCompiled);
        const changes = routeChanges(before.route, after.route);
        if (!changes.length) continue;
        const visible = d.secrecy <= req.user!.clearance;
        const pick = (x: typeof before.route) => ({
          flow: x.flow,
          leader: x.leader,
          leadAgency: x.leadAgency,
          deadline: x.deadline,
        });
        items.push({
          documentId: d.id,
          arrivalNumber: d.arrival_number,
          code: visible ? d.code : null,
          subject: visible ? d.subject : '(văn bản mật)',
          changes,
          before: pick(before.route),
          after: pick(after.route),
        });
      }
      return { checked: docs.length, changed: items.length, items };
    },
  );
  r.post(
    '/api/routing/policy/draft/publish',
    {
      config: { access: 'routing.admin' },
      schema: { tags, response: { 200: VersionOut.extend({ policy: z.unknown() }) } },
    },
    async (req) => db.tx((q) => publishDraft(q, actorOf(req))),
  );

  const CatalogueEntry = z.object({
    field: z.string().min(1),
    matter: z.array(z.string().min(1)).default([]),
    requestKinds: z.array(z.enum(REQUEST_KINDS)).default([]),
    level: z.enum(COMPETENCE_LEVELS),
    adviceAgency: z.string().nullable().default(null),
    basis: z.string().trim().min(3).max(2000),
    guidance: z.string().max(2000).default(''),
  });
  r.get(
    '/api/routing/catalogue',
    {
      config: { access: 'routing.read' },
      schema: { tags, response: { 200: z.object({ items: z.array(CatalogueEntry.extend({ id: z.string() })) }) } },
    },
    async () => ({ items: await loadCatalogue(db) }),
  );
  r.put(
    '/api/routing/catalogue',
    {
      config: { access: 'routing.admin' },
      schema: {
        tags,
        body: z.object({ entries: z.array(CatalogueEntry).max(2000) }),
        response: { 200: z.object({ items: z.array(CatalogueEntry.extend({ id: z.string() })) }) },
      },
    },
    async (req) => ({ items: await db.tx((q) => replaceCatalogue(q, actorOf(req), req.body.entries)) }),
  );

  r.post(
    '/api/routing/outgoing',
    {
      config: { access: 'outgoing.draft' },
      schema: {
        tags,
        description: 'Gợi ý người kiểm tra, người ký, thẩm quyền ký và nhóm nơi nhận cho một dự thảo văn bản đi.',
        body: z.object({
          type: z.string().min(1).max(10),
          fields: z.array(z.string()).max(20).default([]),
          issuerUnitCode: z.string().max(40).optional(),
          legalNormative: z.boolean().default(false),
        }),
        response: {
          200: z.object({
            signer: z
              .object({ id: z.string(), name: z.string(), form: z.string(), rule: z.string(), reason: z.string() })
              .nullable(),
            reviewers: z.array(z.object({ id: z.string(), name: z.string(), step: z.string() })),
            recipientGroups: z.array(z.object({ id: z.string(), name: z.string(), unitIds: z.array(z.string()) })),
          }),
        },
      },
    },
    async (req) => {
      const b = req.body;
      const issuer = b.issuerUnitCode
        ? (await db.query<{ level: string }>('SELECT level FROM units WHERE code = $1', [b.issuerUnitCode]))[0]
        : { level: 'province' };
      if (!issuer) throw new AppError('UNKNOWN_REFERENCE', 400, 'issuerUnitCode', { value: b.issuerUnitCode ?? '' });
      const live = await policyByStatus(db, 'published');
      const org = await loadOutgoingOrg(db, dateInVietnam(clock.now()));
      return planOutgoing(
        live?.policy.signing ?? [],
        { type: b.type, fields: b.fields, issuerLevel: issuer.level, legalNormative: b.legalNormative },
        org,
      );
    },
  );

  r.get(
    '/api/routing/communes',
    {
      config: { access: 'routing.read' },
      schema: {
        tags,
        description:
          'Tình hình cơ sở: theo từng UBND cấp xã, số văn bản, tỷ lệ trả lại, tỷ lệ chuyển tham mưu, lĩnh vực nhiều nhất, xu hướng theo tháng.',
        querystring: z.object({ months: z.coerce.number().int().min(1).max(24).default(6) }),
        response: {
          200: z.object({
            months: z.array(z.string()),
            items: z.array(
              z.object({
                unitId: z.string(),
                code: z.string(),
                name: z.string(),
                areaCode: z.string().nullable(),
                total: z.number(),
                returnedShare: z.number(),
                adviceShare: z.number(),
                topFields: z.array(z.object({ code: z.string(), n: z.number() })),
                trend: z.array(z.number()),
              }),
            ),
          }),
        },
      },
    },
    async (req) => communesOverview(db, req.user!, dateInVietnam(clock.now()), req.query.months),
  );
}
