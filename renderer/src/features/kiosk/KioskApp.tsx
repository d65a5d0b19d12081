import { Alert, Box, Button, Center, Container, Group, Loader, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { KioskStatus } from '../../../../shared/kiosk';
import { unwrap } from '../../lib/query';
import { CheckInScreen } from './CheckInScreen';
import { FindScreen } from './FindScreen';
import { IdleGuard } from './IdleGuard';
import { kioskApi } from './kiosk.api';
import { followHistory, useKiosk } from './kiosk.store';
import { KioskTitle } from './KioskTitle';
import { RegisterScreen } from './RegisterScreen';
import { CheckInResultScreen, RegistrationResultScreen } from './ResultScreens';
import { StaffScreen } from './StaffScreen';
import { StartScreen } from './StartScreen';
import { endVisit } from './visit';
import { WorkshopScreen } from './WorkshopScreen';
import './kiosk.css';

/**
 * The self-service kiosk: its own product on the same core, loaded instead of the workstation app
 * when the window is the kiosk ('#kiosk'). It imports nothing of the organiser pages.
 */
export function KioskApp() {
  const visit = useKiosk((s) => s.visit);
  // Read again for every visit (an admin may have changed the timers), showing the last answer meanwhile.
  const status = useQuery({ queryKey: ['kiosk-status', visit], queryFn: () => unwrap(kioskApi.status()), placeholderData: keepPreviousData });

  useEffect(() => {
    history.replaceState({ kioskVisit: useKiosk.getState().visit, screen: { name: 'start' } }, '', '#kiosk');
    // A reloaded kiosk starts a new visit: nobody stays signed in from before the reload.
    void kioskApi.signOut();
    const onPop = (e: PopStateEvent) => followHistory(e.state);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  if (status.isPending) {
    return (
      <Center mih="100vh" component="main">
        <Loader size="xl" aria-label="Starting" />
      </Center>
    );
  }
  if (status.isError) {
    return (
      <Center mih="100vh" component="main" p="xl">
        <Stack maw={720} gap="xl">
          <KioskTitle>This kiosk is not working right now</KioskTitle>
          <Text fz={28}>Please ask a member of staff.</Text>
          <Button size="xl" onClick={() => void status.refetch()}>
            Try again
          </Button>
        </Stack>
      </Center>
    );
  }
  if (!status.data.ready) {
    return (
      <Center mih="100vh" component="main" p="xl">
        <Stack maw={900} gap="xl" ta="center">
          <KioskTitle>This kiosk is not ready — ask a member of staff</KioskTitle>
          <Text fz={28}>{status.data.stationName}</Text>
        </Stack>
      </Center>
    );
  }
  // A new key for every visit: every form of the last one is unmounted with whatever was typed in it.
  return <Visit key={visit} status={status.data} />;
}

function Visit({ status }: { status: KioskStatus }) {
  const screen = useKiosk((s) => s.screen);
  const signedInAs = useKiosk((s) => s.signedInAs);
  return (
    <Box className="kiosk">
      <Box component="header" className="kiosk-header" px="xl" py="md">
        <Group justify="space-between">
          <Text fz={24} fw={600}>
            {status.stationName}
          </Text>
          {screen.name !== 'start' && screen.name !== 'closed' && (
            <Group>
              {signedInAs && <Text fz={22}>Signed in as {signedInAs}</Text>}
              <Button size="xl" variant="default" onClick={() => void endVisit()}>
                {signedInAs ? 'Sign out and start over' : 'Start over'}
              </Button>
            </Group>
          )}
        </Group>
      </Box>
      <Container size={1000} component="main" py="xl" px="xl" className="kiosk-main">
        <CurrentScreen status={status} />
      </Container>
      <IdleGuard status={status} />
    </Box>
  );
}

function CurrentScreen({ status }: { status: KioskStatus }) {
  const screen = useKiosk((s) => s.screen);
  switch (screen.name) {
    case 'start':
      return <StartScreen status={status} />;
    case 'checkIn':
      return <CheckInScreen />;
    case 'find':
      return <FindScreen locale={status.locale} />;
    case 'workshop':
      return <WorkshopScreen workshopId={screen.workshopId} locale={status.locale} />;
    case 'register':
      return <RegisterScreen workshopId={screen.workshopId} />;
    case 'checkInResult':
      return <CheckInResultScreen status={status} />;
    case 'registrationResult':
      return <RegistrationResultScreen status={status} />;
    case 'staff':
      return <StaffScreen pinSet={status.pinSet} />;
    case 'closed':
      return (
        <Stack gap="xl">
          <KioskTitle>The kiosk is closed</KioskTitle>
          <Alert color="gray">
            <Text fz={24}>Kiosk mode has ended on this window. It can be closed now.</Text>
          </Alert>
        </Stack>
      );
  }
}
