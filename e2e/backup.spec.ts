import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { apiCall, createAdmin, expect, shot, signIn, STRONG, test } from './fixtures';

/** What the save and open dialogs will answer next (the bridge's stand-ins for Electron's). */
const answerDialogs = (request: APIRequestContext, answers: { saveTo?: string | null; openFrom?: string | null }) => request.post('/__test/dialogs', { data: answers });

test.skip(!!process.env.E2E_DATABASE_URL, 'backups are for the embedded database; on a shared server the screen names pg_dump instead');

test('an admin backs up from Station settings, changes data, and restores the backup after confirming', async ({ page, request }) => {
  const files = mkdtempSync(join(tmpdir(), 'wb-e2e-backup-'));
  const backupFile = join(files, 'front-desk.wbbackup');
  await createAdmin(request);
  await apiCall(request, 'auth:signIn', { email: 'ada@example.com', password: STRONG }, 'helper');
  await apiCall(request, 'categories:create', { name: 'Pottery' }, 'helper');

  await page.goto('/');
  await signIn(page, 'ada@example.com', STRONG);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Station settings' }).click();
  await expect(page.getByRole('heading', { name: 'Backups', exact: true })).toBeVisible();

  // Closing the dialog is no error: the screen says nothing was made.
  await answerDialogs(request, { saveTo: null });
  await page.getByRole('button', { name: 'Back up now…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'No backup was made' })).toContainText('closed without choosing');
  await shot(page, 'backup-cancelled');

  await answerDialogs(request, { saveTo: backupFile });
  await page.getByRole('button', { name: 'Back up now…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Backup saved' })).toContainText(backupFile);
  await shot(page, 'backup-saved');

  // Something happens after the backup; the restore must take it away again.
  await apiCall(request, 'categories:create', { name: 'Weaving' }, 'helper');

  const notes = join(files, 'notes.txt');
  writeFileSync(notes, 'Not a backup at all\n');
  await answerDialogs(request, { openFrom: notes });
  await page.getByRole('button', { name: 'Restore from a backup…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'This file cannot be restored' })).toContainText('not a Workshop Booking backup');
  await shot(page, 'backup-restore-refused');

  await answerDialogs(request, { openFrom: backupFile });
  await page.getByRole('button', { name: 'Restore from a backup…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Replace all data with this backup?' });
  await expect(confirm).toContainText(backupFile);
  await expect(confirm).toContainText('Front desk 1');
  await expect(confirm).toContainText('Everyone is signed out');
  await shot(page, 'backup-restore-confirm');
  await confirm.getByRole('button', { name: 'Replace all data' }).click();

  // Restored in place: every session ended, and the sign-in screen says why.
  // A restore snapshots the live data, loads the backup and migrates it: on a busy machine that is
  // well over the usual wait.
  await expect(page.getByText(/The data was restored from the backup made on .*front-desk\.wbbackup/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await shot(page, 'backup-restored-sign-in');

  await signIn(page, 'ada@example.com', STRONG);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Categories & tags' }).click();
  await expect(page.getByText('Pottery', { exact: true })).toBeVisible();
  await expect(page.getByText('Weaving', { exact: true })).toHaveCount(0);
  await shot(page, 'backup-after-restore');

  // The replaced data is listed as a safety copy on the settings screen.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Station settings' }).click();
  await expect(page.getByRole('table', { name: 'Safety copies made before restores' })).toContainText('Before a restore');
  await shot(page, 'backup-safety-copy-listed');
});
