import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { builtAsDeclaredOutput, serializerCompiler } from './serialize.js';

const Part = builtAsDeclaredOutput(z.object({ flow: z.string(), leader: z.object({ id: z.string() }).nullable() }));
const Answer = z.object({ id: z.string(), n: z.number(), route: Part.nullable() });
const args = { schema: Answer, method: 'POST', url: '/x', httpStatus: '201' } as never;

describe('answers with parts built as declared', () => {
  const ours = serializerCompiler(args);
  const zods = zodSerializerCompiler(args);

  it('write the same JSON as zod for data that matches, the part present or null', () => {
    for (const data of [
      { id: 'a', n: 1, route: { flow: 'F', leader: { id: 'l' } } },
      { id: 'b', n: 2, route: { flow: 'G', leader: null } },
      { id: 'c', n: 3, route: null },
    ]) {
      expect(ours(data)).toBe(zods(data));
      expect(JSON.parse(ours(data))).toEqual(data);
    }
  });

  it('still strip what the rest of the schema does not declare', () => {
    const out = JSON.parse(ours({ id: 'a', n: 1, secret: 's', route: null }));
    expect(out).toEqual({ id: 'a', n: 1, route: null });
  });

  it('fail under test when the built part differs from its schema', () => {
    expect(() => ours({ id: 'a', n: 1, route: { flow: 'F', leader: null, extra: 1 } })).toThrow(/built as declared/);
    expect(() => ours({ id: 'a', n: 1, route: { leader: null, flow: 'F' } })).toThrow(/built as declared/);
  });

  it('leave answers without such parts to zod alone', () => {
    const plain = { schema: z.object({ id: z.string() }), method: 'GET', url: '/y', httpStatus: '200' } as never;
    expect(serializerCompiler(plain)({ id: 'a', other: 1 })).toBe('{"id":"a"}');
  });
});
