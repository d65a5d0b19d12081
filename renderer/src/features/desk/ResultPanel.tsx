import { Button, Group, Kbd, Paper, Stack, Text } from '@mantine/core';
import type { ResultClass } from '../../../../shared/desk';
import { formatTicketCode } from '../../../../shared/tickets';
import { useFormat } from '../../app/format';
import { TYPO_TEXT } from './desk-actions';
import { useDesk } from './desk.store';
import { Receipt } from './Receipt';
import { describeResult } from './result-words';

const COLOUR: Record<ResultClass | 'info', string> = { ok: 'green', attention: 'yellow', already: 'orange', refused: 'red', info: 'gray' };

function Frame({ tone, children, testId }: { tone: ResultClass | 'info'; children: React.ReactNode; testId: string }) {
  const c = COLOUR[tone];
  return (
    <Paper p="lg" data-testid="desk-result" data-tone={testId} style={{ background: `var(--mantine-color-${c}-1)`, borderLeft: `12px solid var(--mantine-color-${c}-filled)`, color: 'var(--mantine-color-black)' }}>
      {children}
    </Paper>
  );
}

/**
 * The answer to the latest scan, large, in its colour; read out by screen readers (a live region
 * that is always there, so each new answer is announced). Actions name their key.
 */
export function ResultPanel({ onPay, onOverride }: { onPay: () => void; onOverride: () => void }) {
  const { shown, notice } = useDesk();
  const fmt = useFormat();
  return (
    <Stack gap="xs" role="status" aria-live="polite" aria-label="Result">
      {notice && (
        <Text key={notice.key} fw={700} fz="lg" data-testid="desk-notice">
          {notice.text}
        </Text>
      )}
      {!shown && (
        <Paper withBorder p="lg">
          <Text fz="xl">Ready: scan a ticket.</Text>
        </Paper>
      )}
      {shown?.kind === 'typo' && (
        <Frame tone="refused" testId="typo">
          <Text fz={36} fw={800}>{TYPO_TEXT}</Text>
          <Text fz="xl">{shown.code.length === 8 ? formatTicketCode(shown.code) : shown.code} — check the code and type it again.</Text>
        </Frame>
      )}
      {shown?.kind === 'error' && (
        <Frame tone="refused" testId="error">
          <Text fz={36} fw={800}>Not done</Text>
          <Text fz="xl">{shown.message}</Text>
        </Frame>
      )}
      {shown?.kind === 'info' && (
        <Frame tone="info" testId="info">
          <Text fz={32} fw={800}>{shown.text}</Text>
        </Frame>
      )}
      {shown?.kind === 'result' && <Answer onPay={onPay} onOverride={onOverride} fmt={fmt} />}
    </Stack>
  );
}

function Answer({ onPay, onOverride, fmt }: { onPay: () => void; onOverride: () => void; fmt: ReturnType<typeof useFormat> }) {
  const shown = useDesk((s) => s.shown);
  if (shown?.kind !== 'result') return null;
  const r = shown.result;
  const v = describeResult(r, fmt);
  return (
    <Frame tone={v.tone} testId={v.tone}>
      <Stack gap={4}>
        <Text fz={40} fw={800} lh={1.1}>
          {v.heading}
          {v.reason && `: ${v.reason}`}
        </Text>
        {v.name && (
          <Text fz={32} fw={700}>
            {v.name}
          </Text>
        )}
        {v.lines.map((l) => (
          <Text key={l} fz="xl">
            {l}
          </Text>
        ))}
        {(v.canPay || v.override) && (
          <Group mt="sm">
            {v.canPay && (
              <Button size="md" onClick={onPay} rightSection={<Kbd>F4</Kbd>}>
                Take payment and check in
              </Button>
            )}
            {v.override && (
              <Button size="md" variant="default" onClick={onOverride} rightSection={<Kbd>F7</Kbd>}>
                {v.override.label}
              </Button>
            )}
          </Group>
        )}
        {r.payment && r.person && r.workshop && <Receipt payment={r.payment} name={r.person.name} workshop={r.workshop.title} />}
      </Stack>
    </Frame>
  );
}
