import { AppShell, Badge, Burger, Button, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense, type ReactNode } from 'react';
import { ROLE_LABELS } from '../../../shared/roles';
import { authApi } from '../features/auth/auth.api';
import { useSession } from '../features/auth/session.store';
import { canUse, NAV_PARENT, navFor, useNav, type PageId } from './navigation';
import { PageLoading } from './PageLoading';

// Each page is its own chunk: the first screen loads only what it shows, and attendee screens never
// load organiser pages.
const AccountPage = lazy(() => import('../features/auth/AccountPage').then((m) => ({ default: m.AccountPage })));
const ReportsPage = lazy(() => import('../features/reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const AuditPage = lazy(() => import('../features/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const DeskPage = lazy(() => import('../features/desk/DeskPage').then((m) => ({ default: m.DeskPage })));
const HomePage = lazy(() => import('../features/home/HomePage').then((m) => ({ default: m.HomePage })));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const UsersPage = lazy(() => import('../features/users/UsersPage').then((m) => ({ default: m.UsersPage })));
const MyRegistrationsPage = lazy(() => import('../features/bookings/MyRegistrationsPage').then((m) => ({ default: m.MyRegistrationsPage })));
const CataloguePage = lazy(() => import('../features/catalogue/CataloguePage').then((m) => ({ default: m.CataloguePage })));
const ApprovalQueuePage = lazy(() => import('../features/queue/ApprovalQueuePage').then((m) => ({ default: m.ApprovalQueuePage })));
const WorkshopRegistrationsPage = lazy(() => import('../features/registrations/WorkshopRegistrationsPage').then((m) => ({ default: m.WorkshopRegistrationsPage })));
const TaxonomyPage = lazy(() => import('../features/taxonomy/TaxonomyPage').then((m) => ({ default: m.TaxonomyPage })));
const WorkshopDetailPage = lazy(() => import('../features/workshops/WorkshopDetailPage').then((m) => ({ default: m.WorkshopDetailPage })));
const WorkshopEditorPage = lazy(() => import('../features/workshops/WorkshopEditorPage').then((m) => ({ default: m.WorkshopEditorPage })));
const WorkshopsAdminPage = lazy(() => import('../features/workshops/WorkshopsAdminPage').then((m) => ({ default: m.WorkshopsAdminPage })));

const PAGES: Record<PageId, () => ReactNode> = {
  home: () => <HomePage />,
  catalogue: () => <CataloguePage />,
  workshop: () => <WorkshopDetailPage />,
  workshops: () => <WorkshopsAdminPage />,
  workshopEditor: () => <WorkshopEditorPage />,
  taxonomy: () => <TaxonomyPage />,
  bookings: () => <MyRegistrationsPage />,
  queue: () => <ApprovalQueuePage />,
  desk: () => <DeskPage />,
  workshopRegistrations: () => <WorkshopRegistrationsPage />,
  users: () => <UsersPage />,
  reports: () => <ReportsPage />,
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
      <AppShell.Main>
        <Suspense fallback={<PageLoading label="Loading page" />}>{PAGES[current]()}</Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
