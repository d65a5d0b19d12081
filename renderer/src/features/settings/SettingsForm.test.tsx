// @vitest-environment happy-dom
import '../../../test/setup-dom';
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { StationSettings } from '../../../../shared/settings';
import { fakeApi, ok } from '../../../test/fake-api';
import { SettingsForm } from './SettingsForm';

const onServer = (over: Partial<StationSettings> = {}): StationSettings => ({
  stationName: 'Front desk 1',
  database: { kind: 'postgres', url: 'postgres://wb:****@db.example:5432/workshops' },
  active: { kind: 'postgres', description: 'PostgreSQL at db.example:5432/workshops' },
  restartRequired: false,
  encryptionAvailable: true,
  savedUrlUnreadable: false,
  ...over,
});

const show = () =>
  render(
    <MantineProvider>
      <SettingsForm />
    </MantineProvider>,
  );

describe('SettingsForm', () => {
  afterEach(cleanup);

  it('warns that the server password is saved unencrypted where the computer has no key store', async () => {
    fakeApi({ 'settings:get': () => ok(onServer({ encryptionAvailable: false })) });
    show();
    expect(await screen.findByText('The server password will be saved unencrypted')).toBeTruthy();
  });

  it('says nothing of the kind where it is encrypted', async () => {
    fakeApi({ 'settings:get': () => ok(onServer()) });
    show();
    expect(await screen.findByText(/Saved: postgres:\/\/wb:\*\*\*\*@db\.example/)).toBeTruthy();
    expect(screen.queryByText('The server password will be saved unencrypted')).toBeNull();
  });

  it('asks for the address again when the saved one cannot be decrypted here', async () => {
    fakeApi({ 'settings:get': () => ok(onServer({ database: { kind: 'embedded', location: '/data' }, savedUrlUnreadable: true })) });
    show();
    expect(await screen.findByText('The saved server address cannot be read here')).toBeTruthy();
  });

  it('explains a bad port or a local file in the URL beside the field, without asking the main process', async () => {
    const { calls } = fakeApi({ 'settings:get': () => ok(onServer()) });
    show();
    const field = await screen.findByLabelText('Server URL');
    for (const [url, message] of [
      ['postgres://wb:pw@db.example:70000/workshops', 'The port must be a number from 1 to 65535.'],
      ['postgres://wb:pw@db.example/workshops?sslrootcert=/etc/ssl/ca.pem', /"sslrootcert" names a file on this computer/],
    ] as const) {
      await userEvent.clear(field);
      await userEvent.type(field, url);
      await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
      expect(await screen.findByText(message)).toBeTruthy();
    }
    expect(calls.map((c) => c.channel)).toEqual(['settings:get']);
  });
});
