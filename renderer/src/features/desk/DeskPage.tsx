import { Grid, Group, Kbd, Stack, Switch, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { UNDO_WINDOW_SECONDS } from '../../../../shared/desk';
import { useFormat } from '../../app/format';
import { PageTitle } from '../../app/PageTitle';
import { CheckInListPanel } from './CheckInListPanel';
import { useDeskActions } from './desk-actions';
import { useDeskPrefs } from './desk-prefs.store';
import { focusScanField, useDesk } from './desk.store';
import './desk.css';
import { KeyLegend } from './KeyLegend';
import { PaymentPanel } from './PaymentPanel';
import { ResultPanel } from './ResultPanel';
import { ScanField } from './ScanField';
import { ScanLog } from './ScanLog';
import { useScansInForms } from './scans-in-forms';
import { SessionsPanel } from './SessionsPanel';
import { describeResult } from './result-words';
import { WalkInPanel } from './WalkInPanel';

/** "Undo (1:45 left)": the seconds left to undo the last check-in here. */
function UndoHint() {
  const lastUndo = useDesk((s) => s.lastUndo);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!lastUndo) return;
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [lastUndo]);
  if (!lastUndo || now > lastUndo.until) return null;
  const left = Math.min(UNDO_WINDOW_SECONDS, Math.ceil((lastUndo.until - now) / 1000));
  return (
    <Text size="sm">
      <Kbd>F8</Kbd> undoes the check-in of {lastUndo.name} ({Math.floor(left / 60)}:{String(left % 60).padStart(2, '0')} left)
    </Text>
  );
}

/**
 * The front desk: one field that always has the focus when nothing else is being done, the answer
 * to each scan in large type, and every other action one key away. Nothing here is a modal dialog:
 * panels open inline and give the focus back to the field when they close.
 */
export function DeskPage() {
  const { shown, panel, setPanel } = useDesk();
  const { sound, set } = useDeskPrefs();
  const { checkIn, undoLast, scan } = useDeskActions();
  useScansInForms(scan);
  const fmt = useFormat();
  const result = shown?.kind === 'result' ? shown.result : null;
  const view = result ? describeResult(result, fmt) : null;

  const close = () => {
    setPanel(null);
    // After React has removed the panel (and the focus with it).
    setTimeout(focusScanField, 0);
  };
  const openPay = () => {
    if (view?.canPay) setPanel('pay');
  };
  const override = () => {
    if (result?.person && view?.override) {
      void checkIn({ registrationId: result.person.registrationId }, view.override.kind);
      focusScanField();
    }
  };

  useEffect(() => {
    focusScanField();
    // Idle means nothing else holds the focus: a click on the page's background, a closed panel.
    const onFocusOut = () =>
      setTimeout(() => {
        const a = document.activeElement;
        if (!a || a === document.body) focusScanField();
      }, 0);
    document.addEventListener('focusout', onFocusOut);
    return () => document.removeEventListener('focusout', onFocusOut);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const keys: Record<string, () => void> = {
        F2: () => setPanel('walkIn'),
        F4: openPay,
        F7: override,
        F8: () => {
          void undoLast();
          if (!panel) focusScanField();
        },
        F9: () => setPanel(panel === 'list' ? null : 'list'),
        Escape: () => panel && close(),
      };
      const act = keys[e.key];
      if (!act) return;
      e.preventDefault();
      act();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // A new answer closes a payment panel that belonged to the previous one.
  const payFor = panel === 'pay' && result?.outcome === 'unpaid' && result.person && result.workshop ? { person: result.person, workshop: result.workshop, override: shown?.kind === 'result' ? shown.override : undefined } : null;

  return (
    <Stack gap="md">
      <Group justify="space-between" className="desk-screen-only">
        <PageTitle>Desk</PageTitle>
        <Switch
          label="Sound"
          checked={sound}
          onChange={(e) => {
            set({ sound: e.currentTarget.checked });
            focusScanField();
          }}
        />
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <div className="desk-screen-only">
              <ScanField />
            </div>
            <ResultPanel onPay={openPay} onOverride={override} />
            <div className="desk-screen-only">
              <UndoHint />
            </div>
            {payFor && <PaymentPanel key={payFor.person.registrationId} person={payFor.person} workshop={payFor.workshop} override={payFor.override} onClose={close} />}
            {panel === 'walkIn' && <WalkInPanel onClose={close} />}
            {panel === 'list' && (
              <div className="desk-screen-only">
                <CheckInListPanel onClose={close} />
              </div>
            )}
            <div className="desk-screen-only">
              <ScanLog />
            </div>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} className="desk-screen-only">
          <Stack gap="md">
            <SessionsPanel />
            <KeyLegend />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
