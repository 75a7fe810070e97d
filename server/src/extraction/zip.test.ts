import { describe, expect, it } from 'vitest';
import { listZip, readZipEntry, unzipEntries, ZipError, zipSync } from './zip.ts';

const enc = (s: string) => new Uint8Array(Buffer.from(s));
const limits = { maxEntries: 10, maxTotalBytes: 1024 * 1024 };

function kindOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ZipError) return e.kind;
    throw e;
  }
  return 'OK';
}

describe('zip reader', () => {
  it('reads what the writer wrote', () => {
    const z = Buffer.from(zipSync({ 'a.txt': enc('xin chào'), 'b/c.xml': enc('<x/>') }));
    const { entries, files } = unzipEntries(z, () => true, limits);
    expect(entries.map((e) => e.name)).toEqual(['a.txt', 'b/c.xml']);
    expect(files.get('a.txt')!.toString()).toBe('xin chào');
  });

  it('refuses a bomb: an entry that inflates past the limit, though small on disk', () => {
    const z = Buffer.from(zipSync({ 'word/document.xml': new Uint8Array(2 * 1024 * 1024) }));
    expect(z.length).toBeLessThan(10_000);
    expect(kindOf(() => listZip(z, limits))).toBe('BOMB');
  });

  it('refuses an entry that lies about its size, by capping inflation', () => {
    const z = Buffer.from(
      zipSync({ 'word/document.xml': new Uint8Array(2 * 1024 * 1024) }, { declaredSize: { 'word/document.xml': 100 } }),
    );
    const [e] = listZip(z, limits);
    expect(e!.size).toBe(100);
    expect(kindOf(() => readZipEntry(z, e!, limits.maxTotalBytes))).toBe('BOMB');
  });

  it('refuses too many entries', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 11; i++) files[`f${i}`] = enc('x');
    expect(kindOf(() => listZip(Buffer.from(zipSync(files)), limits))).toBe('BOMB');
  });

  it('reports damaged data as corrupt, not as text', () => {
    const z = Buffer.from(zipSync({ 'a.txt': enc('dữ liệu văn bản '.repeat(50)) }));
    const damaged = Buffer.from(z);
    damaged[40] = damaged[40]! ^ 0xff;
    const [e] = listZip(damaged, limits);
    expect(kindOf(() => readZipEntry(damaged, e!, limits.maxTotalBytes))).toBe('CORRUPT');
    expect(kindOf(() => listZip(z.subarray(0, z.length - 30), limits))).toBe('CORRUPT');
    expect(kindOf(() => listZip(Buffer.from('PK'), limits))).toBe('CORRUPT');
  });
});
