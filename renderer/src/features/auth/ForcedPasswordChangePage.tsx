import { Alert, Anchor, Text } from '@mantine/core';
import { AuthLayout } from './AuthLayout';
import { ChangePasswordForm } from './ChangePasswordForm';
import { authApi } from './auth.api';
import { useSession } from './session.store';

/** Nothing else is reachable until this is done: the main process refuses every other call too. */
export function ForcedPasswordChangePage() {
  const { session, signedOut } = useSession();
  return (
    <AuthLayout title="Choose a new password" subtitle={session ? `Signed in as ${session.user.email}` : undefined}>
      <Alert color="blue">This account was given a temporary or default password. Choose your own password to continue.</Alert>
      <ChangePasswordForm autoFocus />
      <Text size="sm">
        <Anchor
          component="button"
          type="button"
          onClick={async () => {
            await authApi.signOut();
            signedOut();
          }}
        >
          Sign out instead
        </Anchor>
      </Text>
    </AuthLayout>
  );
}
