import { z } from 'zod';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';

type CompilerArgs = Parameters<typeof zodSerializerCompiler>[0];

const builtAsDeclared = new WeakSet<z.ZodType>();

/**
 * Marks an answer part that the server builds field by field exactly as `schema` declares it
 * (routing/register-hook.ts brief is one): answers serialise it with JSON.stringify alone
 * instead of walking it through zod again. Why: every registration answers its route, and zod's
 * encode of that part cost the registration path about 25 µs of the app's CPU in the documents
 * benchmark (profiled side by side with an instance that does not route), more than the
 * decision's own rules. The schema still documents the part (OpenAPI) and, under test, every
 * answer is checked against it (serializerCompiler below), so a builder that drifts fails the
 * tests instead of sending something undeclared.
 */
export function builtAsDeclaredOutput<T extends z.ZodType>(schema: T): T {
  builtAsDeclared.add(schema);
  return schema;
}

const isBuiltAsDeclared = (s: z.ZodType): boolean =>
  builtAsDeclared.has(s) || (s instanceof z.ZodNullable && builtAsDeclared.has(s.unwrap() as z.ZodType));

const checked = process.env.NODE_ENV === 'test';

/**
 * fastify-type-provider-zod's serializer, except that an object answer's parts marked with
 * builtAsDeclaredOutput are written by JSON.stringify as they are, after the other parts; the
 * rest goes through zod (which strips what the schema does not declare, as for every answer).
 */
export function serializerCompiler(args: CompilerArgs): (data: unknown) => string {
  const whole = zodSerializerCompiler(args);
  const schema = args.schema as unknown;
  if (!(schema instanceof z.ZodObject)) return whole;
  const shape = schema.shape as Record<string, z.ZodType>;
  const direct = Object.keys(shape).filter((k) => isBuiltAsDeclared(shape[k]!));
  if (direct.length === 0) return whole;
  // The rest is encoded as zod encodes every answer (stripping the keys it does not declare, the
  // direct parts among them); the direct parts are then set on zod's fresh output object, after
  // its other keys, and the whole is written by one JSON.stringify: no second string to join.
  const rest = schema.omit(Object.fromEntries(direct.map((k) => [k, true])) as never);
  return (data) => {
    const d = data as Record<string, unknown>;
    const encoded = z.safeEncode(rest, d as never);
    if (!encoded.success) return whole(data); // throws zod's own serialization error
    const out = encoded.data as Record<string, unknown>;
    for (const k of direct) out[k] = d[k] ?? null;
    const json = JSON.stringify(out);
    if (checked && json !== whole(data)) {
      throw new Error(`${args.method} ${args.url}: an answer part marked as built as declared differs from its schema`);
    }
    return json;
  };
}
