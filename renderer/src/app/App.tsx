import { Alert, Button, Center, Loader, MantineProvider, Stack, Title } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import 'mantine-datatable/styles.css';
import { lazy, Suspense, useEffect, useState } from 'react';
import { SignInPage } from '../features/auth/SignInPage';
import { useSession } from '../features/auth/session.store';
import { ConnectionBanner } from '../features/connection/ConnectionBanner';
import { QueryClientProvider } from '@tanstack/react-query';
import { queryClient } from '../lib/query';
import { DatesLocale } from './DatesLocale';
import { cssVariablesResolver, theme } from './theme';
import './global.css';

// The sign-in screen is the one most stations open on; the rest loads when it is needed.
const Shell = lazy(() => import('./Shell').then((m) => ({ default: m.Shell })));
const SetupPage = lazy(() => import('../features/setup/SetupPage').then((m) => ({ default: m.SetupPage })));
const SignUpPage = lazy(() => import('../features/auth/SignUpPage').then((m) => ({ default: m.SignUpPage })));
// The self-service kiosk is its own product: a window opened as '#kiosk' loads only it, never the
// sign-in, setup or organiser screens.
const KioskApp = lazy(() => import('../features/kiosk/KioskApp').then((m) => ({ default: m.KioskApp })));
const isKioskWindow = window.location.hash === '#kiosk';
const ForcedPasswordChangePage = lazy(() => import('../features/auth/ForcedPasswordChangePage').then((m) => ({ default: m.ForcedPasswordChangePage })));

function Starting() {
  return (
    <Center mih="100vh" component="main">
      <Loader aria-label="Starting" />
    </Center>
  );
}

function Screens() {
  const { phase, status, session, notice, load } = useSession();
  const [signingUp, setSigningUp] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);
  // After signing out, the next person sees the sign-in screen, not the sign-up form.
  useEffect(() => {
    if (session) setSigningUp(false);
  }, [session]);

  if (phase === 'starting') return <Starting />;
  if (phase === 'unavailable') {
    return (
      <Center mih="100vh" component="main">
        <Stack maw={480}>
          <Title order={1} size="h2">
            Workshop Booking
          </Title>
          <Alert color="red" title="The app cannot reach its data">
            {notice}
          </Alert>
          <Button onClick={() => load()}>Try again</Button>
        </Stack>
      </Center>
    );
  }
  if (status?.needsSetup && !session) return <SetupPage />;
  if (!session) return signingUp ? <SignUpPage onSignIn={() => setSigningUp(false)} /> : <SignInPage onSignUp={() => setSigningUp(true)} />;
  if (session.user.mustChangePassword) return <ForcedPasswordChangePage />;
  return <Shell />;
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
        <DatesLocale>
          <Notifications position="bottom-right" />
          <ConnectionBanner />
          <Suspense fallback={<Starting />}>{isKioskWindow ? <KioskApp /> : <Screens />}</Suspense>
        </DatesLocale>
      </MantineProvider>
    </QueryClientProvider>
  );
}
