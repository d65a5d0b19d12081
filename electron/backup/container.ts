import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';
import type { BackupSummary } from '../../shared/backup';
import { AppError } from '../../shared/errors';
import { text } from '../../shared/text';
import { fileSystemRefusal } from './file-errors';

/**
 * A backup file: one line of magic, one line of JSON manifest, then PGlite's dumpDataDir tarball
 * (gzip). The manifest comes first and is plain text so the app can say what a file holds — and
 * refuse a newer one — without unpacking anything, and a person can read it with `head -2`.
 */
export const MAGIC = Buffer.from('Workshop Booking backup\n', 'ascii');
const FORMAT_VERSION = 1;
/** A manifest is a few kB; a larger "header" is not ours and is not worth reading into memory. */
const MAX_HEADER_BYTES = 256 * 1024;

const manifestSchema = z.object({
  format: z.literal('workshop-booking-backup'),
  formatVersion: z.number().int(),
  appVersion: text().max(100),
  createdAt: text().max(40).refine((s) => !Number.isNaN(Date.parse(s))),
  station: text().max(200),
  databaseKind: z.literal('embedded'),
  trigger: z.enum(['manual', 'daily', 'before-migration', 'before-restore']),
  migrations: z.array(text().max(200)).max(100_000),
  engine: z.object({ postgres: text().max(40) }),
  payload: z.object({
    kind: z.literal('pglite-datadir'),
    compression: z.literal('gzip'),
    bytes: z.number().int().nonnegative(),
    sha256: text().regex(/^[0-9a-f]{64}$/),
  }),
});

export type Manifest = z.output<typeof manifestSchema>;
export type ManifestDraft = Omit<Manifest, 'format' | 'formatVersion' | 'payload'>;

export interface BackupHeader {
  manifest: Manifest;
  /** Where the tarball starts in the file. */
  payloadOffset: number;
}

export const NOT_A_BACKUP = 'This file is not a Workshop Booking backup. Choose a file that Back up now or the automatic backups made (it ends in .wbbackup).';
export const DAMAGED = 'This backup file is damaged or incomplete (its content does not match what was saved), so it cannot be used. Choose another backup.';

export function encodeHeader(draft: ManifestDraft, payload: Uint8Array): Buffer {
  const manifest: Manifest = {
    format: 'workshop-booking-backup',
    formatVersion: FORMAT_VERSION,
    ...draft,
    payload: { kind: 'pglite-datadir', compression: 'gzip', bytes: payload.byteLength, sha256: createHash('sha256').update(payload).digest('hex') },
  };
  // JSON.stringify escapes newlines inside strings, so the manifest is exactly one line.
  return Buffer.concat([MAGIC, Buffer.from(`${JSON.stringify(manifest)}\n`, 'utf8')]);
}

/** Reads and checks the magic and the manifest only: cheap enough to list a folder of backups. */
export async function readBackupHeader(path: string): Promise<BackupHeader & { fileBytes: number }> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw fileSystemRefusal(err, 'read', path);
  }
  try {
    const { size, isFile } = await handle.stat().then((s) => ({ size: s.size, isFile: s.isFile() }));
    if (!isFile) throw new AppError('VALIDATION', 'That is a folder, not a backup file. Choose a file.');
    const head = Buffer.alloc(Math.min(size, MAX_HEADER_BYTES));
    await handle.read(head, 0, head.length, 0);
    if (head.length < MAGIC.length || !head.subarray(0, MAGIC.length).equals(MAGIC)) throw new AppError('VALIDATION', NOT_A_BACKUP);
    const end = head.indexOf(0x0a, MAGIC.length);
    if (end < 0) throw new AppError('VALIDATION', size > MAX_HEADER_BYTES ? NOT_A_BACKUP : DAMAGED);
    let raw: unknown;
    try {
      raw = JSON.parse(head.subarray(MAGIC.length, end).toString('utf8'));
    } catch {
      throw new AppError('VALIDATION', DAMAGED);
    }
    const version = (raw as { formatVersion?: unknown } | null)?.formatVersion;
    if (typeof version === 'number' && version > FORMAT_VERSION) {
      throw new AppError('CONFLICT', 'This backup was made by a newer version of Workshop Booking (its file format is newer than this version reads). Install the newer version to restore it.');
    }
    const parsed = manifestSchema.safeParse(raw);
    if (!parsed.success) throw new AppError('VALIDATION', DAMAGED);
    const payloadOffset = end + 1;
    if (size !== payloadOffset + parsed.data.payload.bytes) throw new AppError('VALIDATION', DAMAGED);
    return { manifest: parsed.data, payloadOffset, fileBytes: size };
  } finally {
    await handle.close();
  }
}

/**
 * Reads the whole file back: header, checksum of every payload byte, and the tarball unpacked far
 * enough to see that it is a PostgreSQL data folder. What a restore will need is then known to be
 * on disk, not only in memory.
 */
export async function verifyBackupFile(path: string): Promise<BackupHeader & { fileBytes: number }> {
  const header = await readBackupHeader(path);
  const hash = createHash('sha256');
  const tar = new TarScan();
  try {
    await pipeline(
      createReadStream(path, { start: header.payloadOffset }),
      new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          done(null, chunk);
        },
      }),
      createGunzip(),
      new Writable({
        write(chunk: Buffer, _enc, done) {
          try {
            tar.push(chunk);
            done();
          } catch (err) {
            done(err as Error);
          }
        },
      }),
    );
  } catch (err) {
    const refused = (err as NodeJS.ErrnoException)?.syscall ? fileSystemRefusal(err, 'read', path) : null;
    throw refused ?? new AppError('VALIDATION', DAMAGED);
  }
  if (hash.digest('hex') !== header.manifest.payload.sha256 || !tar.isDataFolder()) throw new AppError('VALIDATION', DAMAGED);
  return header;
}

/** The tarball, checked against its checksum, ready for PGlite's loadDataDir. */
export async function readPayload(path: string, header: BackupHeader): Promise<Blob> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw fileSystemRefusal(err, 'read', path);
  }
  try {
    const bytes = Buffer.alloc(header.manifest.payload.bytes);
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, header.payloadOffset);
    if (bytesRead !== bytes.length || createHash('sha256').update(bytes).digest('hex') !== header.manifest.payload.sha256) {
      throw new AppError('VALIDATION', DAMAGED);
    }
    return new Blob([bytes]);
  } finally {
    await handle.close();
  }
}

export const summaryOf = (path: string, header: BackupHeader & { fileBytes: number }): BackupSummary => ({
  fileName: basename(path),
  createdAt: header.manifest.createdAt,
  station: header.manifest.station,
  appVersion: header.manifest.appVersion,
  trigger: header.manifest.trigger,
  migrationCount: header.manifest.migrations.length,
  bytes: header.fileBytes,
});

/**
 * Walks ustar headers as the bytes stream past, never holding more than one 512-byte block: a
 * data folder can be far larger than the app should load into memory just to check it.
 */
class TarScan {
  private block: Buffer = Buffer.alloc(0);
  private skip = 0;
  private ended = false;
  private readonly seen = new Set<string>();

  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length && !this.ended) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - at);
        this.skip -= n;
        at += n;
        continue;
      }
      const take = chunk.subarray(at, at + 512 - this.block.length);
      this.block = this.block.length ? Buffer.concat([this.block, take]) : take;
      at += take.length;
      if (this.block.length < 512) return;
      const h = this.block;
      this.block = Buffer.alloc(0);
      if (h.every((b) => b === 0)) {
        this.ended = true;
        return;
      }
      if (h.subarray(257, 262).toString('latin1') !== 'ustar') throw new Error('not a tar header');
      const field = (from: number, to: number) => h.subarray(from, to).toString('utf8').replace(/\0.*$/s, '');
      const size = parseInt(field(124, 136).trim() || '0', 8);
      if (!Number.isSafeInteger(size) || size < 0) throw new Error('bad tar size');
      const prefix = field(345, 500);
      const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
      // At the tarball's top level (PGlite puts everything under one folder, possibly unnamed).
      const top = /^(?:[^/]*\/)?(PG_VERSION|global\/pg_control)$/.exec(name);
      if (top) this.seen.add(top[1]!);
      this.skip = Math.ceil(size / 512) * 512;
    }
  }

  isDataFolder(): boolean {
    return this.ended && this.seen.has('PG_VERSION') && this.seen.has('global/pg_control');
  }
}
