import { Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { STATION_LOCALES } from '../../../../shared/locale';
import { formatDateTime } from '../../../../shared/time';
import { systemLocale } from '../../app/format';
import { handleResult, notifySuccess } from '../../lib/notify';
import { useSession } from '../auth/session.store';
import { settingsApi } from './settings.api';

const SYSTEM = 'system';
// Each choice shows how a date will read, so people pick by what they see rather than by a name.
const SAMPLE = '2026-12-01T19:13:00.000Z';

/** How this station writes dates and times: like the computer's system, or in a chosen language. */
export function LocaleSetting() {
  const { status, refreshStatus } = useSession();
  const [busy, setBusy] = useState(false);
  const data = [
    { value: SYSTEM, label: `Same as this computer (${formatDateTime(SAMPLE, systemLocale())})` },
    ...STATION_LOCALES.map((l) => ({ value: l.value, label: `${l.label} (${formatDateTime(SAMPLE, l.value)})` })),
  ];
  return (
    <Stack gap={4} maw={560}>
      <Select
        label="Dates and times"
        description="How this station writes dates, times and amounts, here and in the date pickers."
        data={data}
        value={status?.locale ?? SYSTEM}
        allowDeselect={false}
        disabled={busy}
        onChange={async (v) => {
          setBusy(true);
          const saved = handleResult(await settingsApi.setLocale(v === SYSTEM || !v ? null : v));
          if (saved) {
            await refreshStatus();
            notifySuccess('Dates and times now follow the new setting.');
          }
          setBusy(false);
        }}
      />
      <Text size="xs" c="dimmed">
        Workshop times are always shown in the workshop's own time zone.
      </Text>
    </Stack>
  );
}
