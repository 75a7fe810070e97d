/**
 * A small ZIP reader that cannot be bombed, and a writer for tests and fixtures.
 *
 * The reader trusts nothing it is told: the entry count and the declared sizes in the central
 * directory are checked against the limits before anything is inflated, and inflation itself is
 * capped with zlib's `maxOutputLength`, so an entry that lies about its size stops at the cap.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  /** Most entries a file may list. */
  maxEntries: number;
  /** Most bytes all entries may inflate to, declared or real. */
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 2_000, maxTotalBytes: 50 * 1024 * 1024 };

export class ZipError extends Error {
  constructor(
    readonly kind: 'CORRUPT' | 'BOMB',
    message: string,
  ) {
    super(message);
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;

/** Reads the central directory; refuses too many entries or a declared total over the limit. */
export function listZip(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  if (buf.length < 22) throw new ZipError('CORRUPT', 'too short for a zip');
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('CORRUPT', 'no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError('CORRUPT', 'zip64 is not supported');
  if (count > limits.maxEntries) throw new ZipError('BOMB', `${count} entries`);
  if (cdOffset + cdSize > buf.length) throw new ZipError('CORRUPT', 'central directory out of range');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  let declared = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CEN)
      throw new ZipError('CORRUPT', 'bad central directory entry');
    const nameLen = buf.readUInt16LE(p + 28);
    const e: ZipEntry = {
      method: buf.readUInt16LE(p + 10),
      crc: buf.readUInt32LE(p + 16),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
    };
    declared += e.size;
    if (declared > limits.maxTotalBytes) throw new ZipError('BOMB', `declared size over ${limits.maxTotalBytes} bytes`);
    entries.push(e);
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

/**
 * Inflates one entry, never past `budget` bytes (a lying entry fails as a bomb).
 * Checks the CRC-32 so that a damaged file is reported as corrupt, not read as garbage.
 */
export function readZipEntry(buf: Buffer, e: ZipEntry, budget: number): Buffer {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOC)
    throw new ZipError('CORRUPT', `bad local header for ${e.name}`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const end = start + e.compressedSize;
  if (end > buf.length) throw new ZipError('CORRUPT', `${e.name} is truncated`);
  const data = buf.subarray(start, end);
  let out: Buffer;
  if (e.method === 0) {
    if (data.length > budget) throw new ZipError('BOMB', `${e.name} over the size limit`);
    out = Buffer.from(data);
  } else if (e.method === 8) {
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError)
        throw new ZipError('BOMB', `${e.name} inflates past the size limit`);
      throw new ZipError('CORRUPT', `${e.name}: ${(err as Error).message}`);
    }
  } else throw new ZipError('CORRUPT', `${e.name}: compression method ${e.method} not supported`);
  if (out.length !== e.size || crc32(out) !== e.crc) throw new ZipError('CORRUPT', `${e.name}: size or CRC mismatch`);
  return out;
}

/** Reads the named entries (others are skipped), with the total capped by `limits`. */
export function unzipEntries(buf: Buffer, wanted: (name: string) => boolean, limits: ZipLimits = DEFAULT_ZIP_LIMITS) {
  const entries = listZip(buf, limits);
  const out = new Map<string, Buffer>();
  let used = 0;
  for (const e of entries) {
    if (!wanted(e.name)) continue;
    const data = readZipEntry(buf, e, limits.maxTotalBytes - used);
    used += data.length;
    out.set(e.name, data);
  }
  return { entries, files: out };
}

/**
 * Writes a zip (deflate). For fixtures and tests. `declaredSize` lets a test write an entry that
 * lies about its size, as hostile files do.
 */
export function zipSync(
  files: Record<string, Uint8Array>,
  opts: { store?: boolean; declaredSize?: Record<string, number> } = {},
): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, raw] of Object.entries(files)) {
    const data = Buffer.from(raw);
    const nameBuf = Buffer.from(name, 'utf8');
    const comp = opts.store ? data : deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const size = opts.declaredSize?.[name] ?? data.length;
    const method = opts.store ? 0 : 8;
    const loc = Buffer.alloc(30);
    loc.writeUInt32LE(LOC, 0);
    loc.writeUInt16LE(20, 4);
    loc.writeUInt16LE(0x0800, 6); // UTF-8 names
    loc.writeUInt16LE(method, 8);
    loc.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00
    loc.writeUInt32LE(crc, 14);
    loc.writeUInt32LE(comp.length, 18);
    loc.writeUInt32LE(size, 22);
    loc.writeUInt16LE(nameBuf.length, 26);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(CEN, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE(0x0800, 8);
    cen.writeUInt16LE(method, 10);
    cen.writeUInt32LE(0x00210000, 12);
    cen.writeUInt32LE(crc, 16);
    cen.writeUInt32LE(comp.length, 20);
    cen.writeUInt32LE(size, 24);
    cen.writeUInt16LE(nameBuf.length, 28);
    cen.writeUInt32LE(offset, 42);
    locals.push(loc, nameBuf, comp);
    central.push(cen, nameBuf);
    offset += 30 + nameBuf.length + comp.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  const n = Object.keys(files).length;
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(n, 8);
  end.writeUInt16LE(n, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}
