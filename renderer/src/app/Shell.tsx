import { AppShell, Badge, Burger, Button, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { ROLE_LABELS } from '../../../shared/roles';
import { AccountPage } from '../features/auth/AccountPage';
import { authApi } from '../features/auth/auth.api';
import { useSession } from '../features/auth/session.store';
import { AuditPage } from '../features/audit/AuditPage';
import { HomePage } from '../features/home/HomePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { UsersPage } from '../features/users/UsersPage';
import { MyRegistrationsPage } from '../features/bookings/MyRegistrationsPage';
import { CataloguePage } from '../features/catalogue/CataloguePage';
import { ApprovalQueuePage } from '../features/queue/ApprovalQueuePage';
import { WorkshopRegistrationsPage } from '../features/registrations/WorkshopRegistrationsPage';
import { TaxonomyPage } from '../features/taxonomy/TaxonomyPage';
import { WorkshopDetailPage } from '../features/workshops/WorkshopDetailPage';
import { WorkshopEditorPage } from '../features/workshops/WorkshopEditorPage';
import { WorkshopsAdminPage } from '../features/workshops/WorkshopsAdminPage';
import { canUse, NAV_PARENT, navFor, useNav, type PageId } from './navigation';

const PAGES: Record<PageId, () => ReactNode> = {
  home: () => <HomePage />,
  catalogue: () => <CataloguePage />,
  workshop: () => <WorkshopDetailPage />,
  workshops: () => <WorkshopsAdminPage />,
  workshopEditor: () => <WorkshopEditorPage />,
  taxonomy: () => <TaxonomyPage />,
  bookings: () => <MyRegistrationsPage />,
  queue: () => <ApprovalQueuePage />,
  workshopRegistrations: () => <WorkshopRegistrationsPage />,
  users: () => <UsersPage />,
  audit: () => <AuditPage />,
  settings: () => <SettingsPage />,
  account: () => <AccountPage />,
};

/** The signed-in frame: navigation shows only what the role may do (derived from the contract). */
export function Shell() {
  const { session, status, signedOut } = useSession();
  const { page, go } = useNav();
  const [opened, { toggle }] = useDisclosure();
  if (!session) return null;
  const items = navFor(session.user.role);
  const section = NAV_PARENT[page] ?? page;
  const allowed = items.some((i) => i.id === section) && (page !== 'workshopEditor' || canUse(session.user.role, 'workshops:create')) && (page !== 'workshopRegistrations' || canUse(session.user.role, 'registrations:forWorkshop'));
  const current: PageId = allowed ? page : 'home';
  const currentSection = NAV_PARENT[current] ?? current;

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Text fw={700}>Workshop Booking</Text>
            <Badge variant="light" color="gray">
              {status?.stationName}
            </Badge>
          </Group>
          <Group gap="sm">
            <Text size="sm">
              {session.user.name} <Text span c="dimmed">· {ROLE_LABELS[session.user.role]}</Text>
            </Text>
            <Button
              variant="default"
              size="xs"
              onClick={async () => {
                await authApi.signOut();
                go('home');
                signedOut();
              }}
            >
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main">
        {items.map((item) => (
          <NavLink key={item.id} label={item.label} active={item.id === currentSection} onClick={() => go(item.id)} component="button" aria-current={item.id === currentSection ? 'page' : undefined} />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>{PAGES[current]()}</AppShell.Main>
    </AppShell>
  );
}
