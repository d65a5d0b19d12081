// @vitest-environment happy-dom
import '../../../test/setup-dom';
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { SHARED_SERVER_BACKUP_MESSAGE, type BackupStatus } from '../../../../shared/backup';
import { fakeApi, ok } from '../../../test/fake-api';
import { BackupPanel } from './BackupPanel';

const embedded: BackupStatus = { available: true, folder: '/data/backups', retention: 7, automatic: [], safetyCopies: [], nextDailyAt: null };

const show = () =>
  render(
    <MantineProvider>
      <BackupPanel />
    </MantineProvider>,
  );

describe('BackupPanel', () => {
  afterEach(cleanup);

  it('on a shared server, offers no backup button and names pg_dump', async () => {
    fakeApi({ 'backup:status': () => ok({ available: false, reason: 'shared-server', message: SHARED_SERVER_BACKUP_MESSAGE }) });
    show();
    expect(await screen.findByText('Backups belong to the shared server')).toBeTruthy();
    expect(screen.getByText(/pg_dump/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Back up now…' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Restore from a backup…' })).toBeNull();
  });

  it('says plainly that a closed dialog made no backup and restored nothing, and never asks for confirmation then', async () => {
    const { calls } = fakeApi({
      'backup:status': () => ok(embedded),
      'backup:create': () => ok({ outcome: 'cancelled' }),
      'backup:chooseRestoreFile': () => ok({ outcome: 'cancelled' }),
    });
    show();
    await userEvent.click(await screen.findByRole('button', { name: 'Back up now…' }));
    expect(await screen.findByText(/closed without choosing where to save it/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Restore from a backup…' }));
    expect(await screen.findByText(/closed without choosing a backup/)).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    // No call names a file: the main process asks with its own dialogs.
    expect(calls.map((c) => c.input)).toEqual([{}, {}, {}]);
  });

  it('restores only after the confirmation, and cancelling it restores nothing', async () => {
    const { calls } = fakeApi({
      'backup:status': () => ok(embedded),
      'backup:chooseRestoreFile': () =>
        ok({
          outcome: 'chosen',
          selection: 'sel-1',
          path: '/media/stick/desk.wbbackup',
          olderSchema: true,
          backup: { fileName: 'desk.wbbackup', createdAt: '2026-05-01T08:30:00.000Z', station: 'Front desk 1', appVersion: '0.1.0', trigger: 'manual', migrationCount: 8, bytes: 5_000_000 },
        }),
    });
    show();
    await userEvent.click(await screen.findByRole('button', { name: 'Restore from a backup…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Replace all data with this backup?' });
    expect(dialog.textContent).toMatch(/\/media\/stick\/desk\.wbbackup/);
    expect(dialog.textContent).toMatch(/older version/);
    expect(dialog.textContent).toMatch(/safety copy in \/data\/backups/);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(calls.map((c) => c.channel)).not.toContain('backup:restore');
  });
});
