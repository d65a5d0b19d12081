// @vitest-environment happy-dom
import '../../../test/setup-dom';
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppStatus } from '../../../../shared/app';
import { AccountPage } from './AccountPage';
import { useSession } from './session.store';

// 20:13:45 on 1 December 2026 where the test runs, whatever its zone.
const expiresAt = new Date(2026, 11, 1, 20, 13, 45).toISOString();
const status = (locale: string | null): AppStatus => ({ needsSetup: false, stationName: 'Desk 1', locale, database: { kind: 'embedded' }, version: '1' });

function showAccount(locale: string | null) {
  useSession.setState({
    phase: 'ready',
    status: status(locale),
    session: { user: { id: 'u1', name: 'Sam', email: 'sam@example.com', role: 'staff', mustChangePassword: false }, expiresAt, idleTimeoutSeconds: 1800 },
  });
  render(
    <MantineProvider>
      <AccountPage />
    </MantineProvider>,
  );
}

describe('My account', () => {
  afterEach(cleanup);

  it('says when the session ends the way every other screen writes a date: day, month, year and minutes', () => {
    showAccount('en-GB');
    expect(screen.getByText(/This session ends at 1 Dec 2026, 20:13 at the latest/)).toBeTruthy();
  });

  it("follows the station's chosen locale", () => {
    showAccount('en-US');
    expect(screen.getByText(/This session ends at Dec 1, 2026, 08:13 PM at the latest/)).toBeTruthy();
  });
});
