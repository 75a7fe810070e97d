import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Where file bytes live, addressed by their sha256. The local implementation writes under
 * DATA_DIR; an S3-compatible one only needs these three methods.
 */
export interface BlobStorage {
  put(bytes: Uint8Array): Promise<string>;
  get(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
  /** Removes bytes that no document references (after a failed registration). */
  delete(sha256: string): Promise<void>;
}

export function sha256Hex(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

export class LocalBlobStorage implements BlobStorage {
  constructor(private root: string) {}

  private pathOf(sha: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error('bad sha256');
    return path.join(this.root, sha.slice(0, 2), sha.slice(2, 4), sha);
  }

  async put(bytes: Uint8Array): Promise<string> {
    const sha = sha256Hex(bytes);
    const target = this.pathOf(sha);
    if (await this.has(sha)) return sha;
    await fs.mkdir(path.dirname(target), { recursive: true });
    // Write to a temporary name and rename: a reader never sees a half-written file, and
    // two instances writing the same content end with the same bytes.
    const tmp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, target);
    return sha;
  }

  get(sha256: string): Promise<Buffer> {
    return fs.readFile(this.pathOf(sha256));
  }

  async delete(sha256: string): Promise<void> {
    await fs.rm(this.pathOf(sha256), { force: true });
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await fs.access(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }
}

/** Tests and the in-memory database use this. */
export class MemoryBlobStorage implements BlobStorage {
  private blobs = new Map<string, Buffer>();
  async put(bytes: Uint8Array): Promise<string> {
    const sha = sha256Hex(bytes);
    this.blobs.set(sha, Buffer.from(bytes));
    return sha;
  }
  async get(sha256: string): Promise<Buffer> {
    const b = this.blobs.get(sha256);
    if (!b) throw new Error('not found');
    return b;
  }
  async has(sha256: string): Promise<boolean> {
    return this.blobs.has(sha256);
  }
  async delete(sha256: string): Promise<void> {
    this.blobs.delete(sha256);
  }
}
