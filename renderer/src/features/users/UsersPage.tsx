import { ActionIcon, Alert, Badge, Button, Code, CopyButton, Group, Menu, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { PageTitle } from '../../app/PageTitle';
import { useDebouncedValue } from '@mantine/hooks';
import { DataTable } from 'mantine-datatable';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../../../shared/roles';
import type { TemporaryPassword, UserList, UserSummary } from '../../../../shared/users';
import { handleResult, notifySuccess } from '../../lib/notify';
import { queryClient, unwrap } from '../../lib/query';
import { useSession } from '../auth/session.store';
import { CreateUserModal } from './CreateUserModal';
import { usersApi } from './users.api';
import { BusyButton } from '../../app/BusyButton';

const PAGE_SIZE = 25;

export function UsersPage() {
  const me = useSession((s) => s.session?.user.id);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [role, setRole] = useState<Role | null>(null);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [temp, setTemp] = useState<(TemporaryPassword & { name: string }) | null>(null);
  const [confirmReset, setConfirmReset] = useState<UserSummary | null>(null);
  const [resetting, setResetting] = useState(false);

  const input = { search: debounced || undefined, role: role ?? undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const list = useQuery({ queryKey: ['users', input], queryFn: () => unwrap(usersApi.list(input)), placeholderData: keepPreviousData });
  const data: UserList = list.data ?? { items: [], total: 0 };
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['users'] });

  const act = async (promise: ReturnType<typeof usersApi.setRole>, message: string) => {
    if (handleResult(await promise)) {
      notifySuccess(message);
      await refresh();
    }
  };

  const resetPassword = async (u: UserSummary) => {
    setResetting(true);
    const r = handleResult(await usersApi.resetPassword(u.id));
    setResetting(false);
    setConfirmReset(null);
    if (r) {
      setTemp({ ...r, name: u.name });
      await refresh();
    }
  };

  return (
    <Stack>
      <Group justify="space-between">
        <PageTitle>Users</PageTitle>
        <Button onClick={() => setCreating(true)}>New account</Button>
      </Group>
      <Group>
        <TextInput
          aria-label="Search users"
          placeholder="Search by name or email"
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          w={320}
        />
        <Select
          aria-label="Filter by role"
          placeholder="All roles"
          clearable
          data={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          value={role}
          onChange={(v) => {
            setRole(v as Role | null);
            setPage(1);
          }}
          w={220}
        />
      </Group>
      {list.isError && <Alert color="red" title="The accounts could not be shown">{list.error.message}</Alert>}
      <DataTable
        withTableBorder
        striped
        highlightOnHover
        minHeight={200}
        fetching={list.isFetching}
        records={data.items}
        totalRecords={data.total}
        recordsPerPage={PAGE_SIZE}
        page={page}
        onPageChange={setPage}
        noRecordsText="No account matches"
        columns={[
          { accessor: 'name', title: 'Name' },
          { accessor: 'email', title: 'Email' },
          { accessor: 'role', title: 'Role', render: (u) => ROLE_LABELS[u.role] },
          {
            accessor: 'status',
            title: 'Status',
            render: (u) =>
              u.disabled ? (
                <Badge color="gray">Disabled</Badge>
              ) : u.mustChangePassword ? (
                <Badge color="yellow">Must set password</Badge>
              ) : (
                <Badge color="teal">Active</Badge>
              ),
          },
          {
            accessor: 'actions',
            title: <span className="sr-only">Actions</span>,
            textAlign: 'right',
            render: (u) => (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon variant="subtle" aria-label={`Actions for ${u.name}`}>
                    ⋯
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>Change role</Menu.Label>
                  {ROLES.filter((r) => r !== u.role).map((r) => (
                    <Menu.Item key={r} onClick={() => act(usersApi.setRole({ userId: u.id, role: r }), `${u.name} is now ${ROLE_LABELS[r].toLowerCase()}.`)}>
                      Make {ROLE_LABELS[r].toLowerCase()}
                    </Menu.Item>
                  ))}
                  <Menu.Divider />
                  <Menu.Item onClick={() => setConfirmReset(u)}>Reset password…</Menu.Item>
                  {u.id !== me && (
                    <Menu.Item color={u.disabled ? undefined : 'red'} onClick={() => act(usersApi.setDisabled({ userId: u.id, disabled: !u.disabled }), u.disabled ? `${u.name} can sign in again.` : `${u.name} is disabled and signed out.`)}>
                      {u.disabled ? 'Enable account' : 'Disable account'}
                    </Menu.Item>
                  )}
                </Menu.Dropdown>
              </Menu>
            ),
          },
        ]}
      />
      <CreateUserModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          void refresh();
        }}
      />
      <Modal opened={confirmReset !== null} onClose={() => setConfirmReset(null)} title={`Reset the password of ${confirmReset?.name ?? ''}?`}>
        {confirmReset && (
          <Stack>
            <Text size="sm">
              Their current password stops working. You get a one-time password to give them, and they choose their own when they next sign in.
            </Text>
            <Alert color="yellow">
              {confirmReset.id === me ? 'Your sessions on every other station and window are signed out at once.' : `${confirmReset.name} is signed out everywhere, on every station, at once.`}
            </Alert>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirmReset(null)}>
                Keep the current password
              </Button>
              <BusyButton color="red" busy={resetting} onClick={() => resetPassword(confirmReset)}>
                Reset password
              </BusyButton>
            </Group>
          </Stack>
        )}
      </Modal>
      <Modal opened={temp !== null} onClose={() => setTemp(null)} title="Temporary password">
        {temp && (
          <Stack>
            <Text>
              Give this one-time password to <b>{temp.name}</b>. It is shown only now; they will choose their own password when they sign in.
            </Text>
            <Group>
              <Code fz="lg" data-testid="temporary-password">
                {temp.temporaryPassword}
              </Code>
              <CopyButton value={temp.temporaryPassword}>{({ copied, copy }) => <Button variant="default" size="xs" onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}</CopyButton>
            </Group>
            <Alert color="yellow">Their other sessions have been signed out.</Alert>
            <Button onClick={() => setTemp(null)}>Done</Button>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
