import { z } from 'zod';
import { isValidIsoDate } from '../calendar/civil-date.js';
import { SIGNING_FORMS, TYPE_CODES } from './types.js';

export const IsoDate = z.string().refine(isValidIsoDate, 'ngày không tồn tại hoặc sai dạng YYYY-MM-DD');

const Recipient = z.object({ unitId: z.string().nullable(), name: z.string() });
const FileOut = z.object({
  sha256: z.string(),
  name: z.string(),
  kind: z.enum(['main', 'attachment']),
  mime: z.string(),
  size: z.number(),
});

export const DocumentOut = z.object({
  id: z.string(),
  direction: z.enum(['in', 'out']),
  registerUnitId: z.string(),
  year: z.number(),
  arrivalNumber: z.number().nullable(),
  arrivalDate: z.string().nullable(),
  number: z.number().nullable(),
  notation: z.string().nullable(),
  code: z.string().nullable(),
  issuer: z.object({ unitId: z.string().nullable(), name: z.string() }),
  draftingUnitId: z.string().nullable(),
  issuedDate: z.string().nullable(),
  type: z.string(),
  typeName: z.string(),
  subject: z.string(),
  body: z.string(),
  signer: z.object({
    form: z.string().nullable(),
    position: z.string().nullable(),
    name: z.string().nullable(),
    userId: z.string().nullable(),
  }),
  urgency: z.number(),
  secrecy: z.number(),
  pages: z.number().nullable(),
  recipients: z.array(Recipient),
  dueDate: z.string().nullable(),
  fields: z.array(z.string()),
  referencedCodes: z.array(z.string()),
  references: z.array(
    z.object({
      code: z.string(),
      kind: z.string().optional(),
      issuer: z.object({ unitCode: z.string().optional(), name: z.string().optional() }).optional(),
    }),
  ),
  status: z.string(),
  source: z.string(),
  series: z.string().nullable(),
  legalNormative: z.boolean(),
  duplicateOf: z.string().nullable(),
  sourceDocumentId: z.string().nullable(),
  correctsId: z.string().nullable(),
  formatCheckerId: z.string().nullable(),
  contentCheckedBy: z.string().nullable(),
  formatCheckedBy: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  files: z.array(FileOut),
});

const Type = z.enum(TYPE_CODES as unknown as [string, ...string[]]);
const Signer = z.object({
  form: z.enum(SIGNING_FORMS as unknown as [string, ...string[]]).optional(),
  position: z.string().trim().max(200).optional(),
  name: z.string().trim().max(200).optional(),
});

export const IncomingIn = z.object({
  issuer: z.object({
    unitCode: z.string().trim().min(1).max(40).optional(),
    name: z.string().trim().min(2).max(300).optional(),
  }),
  number: z.coerce.number().int().min(1).max(9_999_999).nullable().optional(),
  notation: z
    .string()
    .trim()
    .max(100)
    .regex(/^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*$/u, 'dạng QĐ-UBND, UBND-KT')
    .nullable()
    .optional(),
  issuedDate: IsoDate,
  type: Type,
  subject: z.string().trim().min(3).max(2000),
  signer: Signer.optional(),
  urgency: z.number().int().min(0).max(4).optional(),
  secrecy: z.number().int().min(0).max(3).optional(),
  pages: z.number().int().min(0).max(100_000).optional(),
  recipients: z
    .array(
      z.union([
        z.string().trim().min(1).max(500),
        z.object({ unitId: z.uuid().nullable().optional(), name: z.string().trim().min(1).max(500) }),
      ]),
    )
    .max(500)
    .optional(),
  dueDate: IsoDate.optional(),
  fields: z.array(z.string().min(1)).max(20).optional(),
  text: z.string().max(2_000_000).optional(),
  referencedCodes: z.array(z.string().trim().min(3).max(100)).max(50).optional(),
  references: z
    .array(
      z.object({
        code: z.string().trim().min(3).max(100),
        issuer: z.object({ unitCode: z.string().max(40).optional(), name: z.string().max(300).optional() }).optional(),
        kind: z.enum(['advice', 'response', 'other']).optional(),
      }),
    )
    .max(50)
    .optional(),
  confirmDuplicate: z.boolean().optional(),
});

export const DraftIn = z.object({
  type: Type,
  subject: z.string().trim().max(2000),
  issuer: z.object({ unitCode: z.string().trim().min(1).max(40) }).optional(),
  draftingUnitCode: z.string().trim().min(1).max(40).optional(),
  body: z.string().max(2_000_000).optional(),
  fields: z.array(z.string().min(1)).max(20).optional(),
  recipients: z
    .array(
      z.union([
        z.string().trim().min(1).max(500),
        z.object({
          unitId: z.uuid().nullable().optional(),
          unitCode: z.string().optional(),
          name: z.string().trim().max(500).optional(),
        }),
      ]),
    )
    .max(500)
    .optional(),
  urgency: z.number().int().min(0).max(4).optional(),
  secrecy: z.number().int().min(0).max(3).optional(),
  legalNormative: z.boolean().optional(),
  dueDate: IsoDate.optional(),
  pages: z.number().int().min(0).max(100_000).optional(),
  signer: Signer.optional(),
  formatCheckerId: z.uuid().optional(),
});

const Facet = z.record(z.string(), z.number());
export const DocumentPageOut = z.object({
  items: z.array(DocumentOut),
  total: z.number(),
  totalExact: z.boolean(),
  totalEstimated: z.boolean().optional(),
  facets: z.object({ type: Facet, status: Facet, urgency: Facet, field: Facet }),
  page: z.number(),
  pageSize: z.number(),
});

export const ListQuery = z.object({
  q: z.string().max(300).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  type: z.string().max(10).optional(),
  field: z.string().max(40).optional(),
  status: z.string().max(40).optional(),
  urgency: z.coerce.number().int().min(0).max(4).optional(),
  issuer: z.string().max(200).optional(),
  registerUnitId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  sort: z.enum(['newest', 'oldest', 'relevance']).optional(),
});
