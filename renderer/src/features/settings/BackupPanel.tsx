import { Alert, Button, Code, Group, List, Modal, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { backupRetentionInput, type BackupStatus, type BackupSummary, type BackupTrigger, type RestoreChoice } from '../../../../shared/backup';
import type { AppErrorShape } from '../../../../shared/errors';
import { handleResult, notifySuccess } from '../../lib/notify';
import { useSession } from '../auth/session.store';
import { backupApi } from './backup.api';

type Notice = { color: 'teal' | 'gray' | 'red'; title: string; text: string } | null;

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const size = (bytes: number) => (bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} kB`);
const WHY: Record<BackupTrigger, string> = { manual: 'Back up now', daily: 'Daily', 'before-migration': 'Before an update', 'before-restore': 'Before a restore' };
const MADE_BY: Record<BackupTrigger, string> = {
  manual: 'with Back up now',
  daily: 'as a daily automatic backup',
  'before-migration': 'automatically, before an update changed the database',
  'before-restore': 'as the safety copy before a restore',
};

const failed = (error: AppErrorShape, title: string): Notice => ({ color: 'red', title, text: error.message });

/** Back up now, automatic backups and their retention, and Restore: the embedded database only. */
export function BackupPanel() {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [busy, setBusy] = useState<'backup' | 'choose' | 'restore' | 'retention' | null>(null);
  const [backupNotice, setBackupNotice] = useState<Notice>(null);
  const [restoreNotice, setRestoreNotice] = useState<Notice>(null);
  const [choice, setChoice] = useState<Extract<RestoreChoice, { outcome: 'chosen' }> | null>(null);
  const [keep, setKeep] = useState<number | string>(7);
  const [keepError, setKeepError] = useState<string | null>(null);

  const load = async () => {
    const s = handleResult(await backupApi.status());
    if (!s) return;
    setStatus(s);
    if (s.available) setKeep(s.retention);
  };
  useEffect(() => {
    void load();
  }, []);

  if (!status) return null;
  if (!status.available) {
    return (
      <Stack maw={720} gap="sm">
        <Title order={3}>Backups</Title>
        <Alert color="blue" title="Backups belong to the shared server">
          {status.message}
        </Alert>
      </Stack>
    );
  }

  const backUp = async () => {
    setBusy('backup');
    setBackupNotice(null);
    const r = await backupApi.create();
    setBusy(null);
    if (!r.ok) return setBackupNotice(failed(r.error, 'No backup was made'));
    if (r.data.outcome === 'cancelled') return setBackupNotice({ color: 'gray', title: 'No backup was made', text: 'The file dialog was closed without choosing where to save it. Nothing was changed.' });
    setBackupNotice({ color: 'teal', title: 'Backup saved', text: `Saved to ${r.data.path} (${size(r.data.backup.bytes)}) and read back to check it.` });
  };

  const chooseFile = async () => {
    setBusy('choose');
    setRestoreNotice(null);
    const r = await backupApi.chooseRestoreFile();
    setBusy(null);
    if (!r.ok) return setRestoreNotice(failed(r.error, 'This file cannot be restored'));
    if (r.data.outcome === 'cancelled') return setRestoreNotice({ color: 'gray', title: 'Nothing was restored', text: 'The file dialog was closed without choosing a backup. Nothing was changed.' });
    setChoice(r.data);
  };

  const restore = async () => {
    if (!choice) return;
    setBusy('restore');
    const r = await backupApi.restore(choice.selection);
    setBusy(null);
    setChoice(null);
    if (!r.ok) return setRestoreNotice(failed(r.error, 'Nothing was restored'));
    // Every session ended with the old data: the app goes back to its sign-in screen and says why.
    const session = useSession.getState();
    await session.load();
    session.signedOut(`The data was restored from the backup made on ${when(r.data.restored.createdAt)} (${r.data.restored.fileName}). Everyone has to sign in again. The data it replaced is saved as ${r.data.safetyCopy}.`);
  };

  const saveRetention = async () => {
    const parsed = backupRetentionInput.shape.keep.safeParse(typeof keep === 'number' ? keep : Number.NaN);
    if (!parsed.success) return setKeepError(parsed.error.issues[0]?.message ?? 'Enter a number.');
    setKeepError(null);
    setBusy('retention');
    const s = handleResult(await backupApi.setRetention(parsed.data));
    setBusy(null);
    if (s) {
      setStatus(s);
      notifySuccess(`The newest ${parsed.data} automatic backups will be kept.`);
    }
  };

  return (
    <Stack maw={720} gap="lg">
      <Title order={3}>Backups</Title>

      <Stack gap="xs">
        <Text>A backup is a copy of all the data on this computer: workshops, registrations, payments, accounts and the audit log, in one file.</Text>
        <Group>
          <Button onClick={backUp} loading={busy === 'backup'} disabled={busy !== null && busy !== 'backup'}>
            Back up now…
          </Button>
        </Group>
        {backupNotice && (
          <Alert color={backupNotice.color} title={backupNotice.title} role="status">
            {backupNotice.text}
          </Alert>
        )}
      </Stack>

      <Stack gap="xs">
        <Title order={4}>Automatic backups</Title>
        <Text size="sm">
          Made every day while the app runs, and before an update changes the database. Kept in {status.folder ? <Code>{status.folder}</Code> : 'no folder (not in this run)'}.
          {status.nextDailyAt && ` Next one: ${when(status.nextDailyAt)}.`}
        </Text>
        <Group align="flex-end">
          <NumberInput
            label="Automatic backups kept"
            description="When there are more, the oldest automatic ones are deleted after the next automatic backup. Backups you make with Back up now, and safety copies made before a restore, are never deleted."
            min={1}
            max={365}
            value={keep}
            onChange={setKeep}
            error={keepError}
            maw={480}
          />
          <Button variant="default" onClick={saveRetention} loading={busy === 'retention'}>
            Save
          </Button>
        </Group>
        <BackupTable title="Automatic backups in the folder" rows={status.automatic} empty="None yet." />
        {status.safetyCopies.length > 0 && <BackupTable title="Safety copies made before restores" rows={status.safetyCopies} empty="" />}
      </Stack>

      <Stack gap="xs">
        <Title order={4}>Restore</Title>
        <Text size="sm">Replaces all the data on this computer with the data in a backup file. You see what the file holds and confirm before anything changes.</Text>
        <Group>
          <Button color="red" variant="light" onClick={chooseFile} loading={busy === 'choose'} disabled={busy !== null && busy !== 'choose'}>
            Restore from a backup…
          </Button>
        </Group>
        {restoreNotice && (
          <Alert color={restoreNotice.color} title={restoreNotice.title} role="status">
            {restoreNotice.text}
          </Alert>
        )}
      </Stack>

      <Modal opened={choice !== null} onClose={() => setChoice(null)} title="Replace all data with this backup?" size="lg" closeOnClickOutside={busy !== 'restore'}>
        {choice && (
          <Stack>
            <List size="sm" spacing={4}>
              <List.Item>File: {choice.path}</List.Item>
              <List.Item>Made on {when(choice.backup.createdAt)} at the station “{choice.backup.station}”</List.Item>
              <List.Item>
                By Workshop Booking {choice.backup.appVersion}, {MADE_BY[choice.backup.trigger]}
              </List.Item>
            </List>
            {choice.olderSchema && <Text size="sm">It was made by an older version; after restoring, its data is brought up to this version’s format.</Text>}
            <Alert color="red" title="Everything on this computer is replaced">
              Workshops, registrations, payments, accounts and passwords go back to how they were in this backup; whatever was entered since is replaced. Everyone is signed out.
              The current data is first saved as a safety copy in {status.folder ?? 'the backups folder'}: restore that copy to undo this.
            </Alert>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setChoice(null)} disabled={busy === 'restore'}>
                Cancel
              </Button>
              <Button color="red" onClick={restore} loading={busy === 'restore'}>
                Replace all data
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

function BackupTable({ title, rows, empty }: { title: string; rows: BackupSummary[]; empty: string }) {
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {title}: {empty}
      </Text>
    );
  }
  return (
    <Table striped withTableBorder aria-label={title} captionSide="top">
      <Table.Caption>{title}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Made</Table.Th>
          <Table.Th>Why</Table.Th>
          <Table.Th>Size</Table.Th>
          <Table.Th>File</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((b) => (
          <Table.Tr key={b.fileName}>
            <Table.Td>{when(b.createdAt)}</Table.Td>
            <Table.Td>{WHY[b.trigger]}</Table.Td>
            <Table.Td>{size(b.bytes)}</Table.Td>
            <Table.Td>{b.fileName}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
