import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Writable } from 'node:stream';
import type { z } from 'zod';
import type { exportInput, ExportResult, signInSheetInput } from '../../shared/reports';
import { writeAudit } from '../audit/audit.service';
import { fileSystemRefusal } from '../backup/file-errors';
import { actorOf, type Caller } from '../core/caller';
import type { CoreContext } from '../core/context';
import { exportTable } from './export-tables';
import { signInSheetData, writeSignInSheet } from './sign-in-sheet';
import { writeCsv, writeXlsx } from './table-file';

/**
 * Writes next to the target and renames at the end: a failed or interrupted export never leaves a
 * half-written file under the name the person chose (or destroys the one it would replace).
 */
async function writeAtomically<T>(target: string, write: (out: Writable) => Promise<T>): Promise<T> {
  const part = `${target}.${randomUUID().slice(0, 8)}.part`;
  try {
    const out = createWriteStream(part);
    const failed = new Promise<never>((_, reject) => out.once('error', reject));
    const result = await Promise.race([write(out), failed]);
    await rename(part, target);
    return result;
  } catch (err) {
    await rm(part, { force: true });
    throw fileSystemRefusal(err, 'write', target);
  }
}

/**
 * The person picks where in the main process's own save dialog (the renderer never names a path);
 * rows stream from the database to the file in batches, so the window stays responsive.
 */
export async function exportToFile(ctx: CoreContext, caller: Caller, input: z.output<typeof exportInput>): Promise<ExportResult> {
  const table = await exportTable(ctx, input);
  const target = await ctx.backups.dialogs.chooseExportTarget(`${table.fileStem}.${input.format}`, caller.clientId);
  if (!target) return { saved: false };
  const rows = await writeAtomically(target, (out) => (input.format === 'csv' ? writeCsv(table, out) : writeXlsx(table, out, table.sheetName)));
  const { kind, format, ...filters } = input;
  await writeAudit(ctx.db, actorOf(caller), { action: 'report.export', entityType: 'export', entityId: kind, after: { kind, format, rows, filters } });
  return { saved: true, fileName: basename(target), rows };
}

export async function saveSignInSheet(ctx: CoreContext, caller: Caller, input: z.output<typeof signInSheetInput>): Promise<ExportResult> {
  const sheet = await signInSheetData(ctx.db, input.workshopId, ctx.now(), caller.station);
  const target = await ctx.backups.dialogs.chooseExportTarget(`${sheet.fileStem}.pdf`, caller.clientId);
  if (!target) return { saved: false };
  await writeAtomically(target, (out) => writeSignInSheet(sheet, out));
  await writeAudit(ctx.db, actorOf(caller), { action: 'report.export', entityType: 'workshop', entityId: input.workshopId, after: { kind: 'sign-in sheet', format: 'pdf', rows: sheet.people.length } });
  return { saved: true, fileName: basename(target), rows: sheet.people.length };
}
