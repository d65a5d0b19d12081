import { Button, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { KIOSK_WARNING_SECONDS, type KioskStatus } from '../../../../shared/kiosk';
import { useKiosk } from './kiosk.store';
import { endVisit } from './visit';

const ACTIVITY = ['pointerdown', 'keydown', 'input', 'touchstart', 'wheel'] as const;

/**
 * Brings the kiosk back to the start for the next visitor: a fixed time after a result, and after
 * a time without a touch or key anywhere else, with a "Still there?" countdown for its last seconds.
 * Timers run on the page's clock (Date and setInterval), which the end-to-end tests control.
 */
export function IdleGuard({ status }: { status: KioskStatus }) {
  const screen = useKiosk((s) => s.screen.name);
  const [lastActivity, setLastActivity] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const isResult = screen === 'checkInResult' || screen === 'registrationResult';
  const watching = screen !== 'start' && screen !== 'closed';

  // A new screen starts its own count.
  useEffect(() => {
    setLastActivity(Date.now());
    setNow(Date.now());
  }, [screen]);

  useEffect(() => {
    if (!watching || isResult) return;
    const touched = () => setLastActivity(Date.now());
    for (const e of ACTIVITY) window.addEventListener(e, touched, { capture: true, passive: true });
    return () => {
      for (const e of ACTIVITY) window.removeEventListener(e, touched, { capture: true });
    };
  }, [watching, isResult]);

  useEffect(() => {
    if (!watching) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [watching]);

  const limitMs = (isResult ? status.resultResetSeconds : status.idleResetSeconds) * 1000;
  const left = Math.ceil((lastActivity + limitMs - now) / 1000);
  const due = watching && left <= 0;

  useEffect(() => {
    if (due) void endVisit();
  }, [due]);

  if (!watching) return null;
  if (isResult) {
    return (
      <Text className="kiosk-countdown" ta="center" fz={22} pb="xl" aria-live="off">
        Back to the start in {Math.max(left, 0)} s
      </Text>
    );
  }
  return (
    <Modal opened={left <= KIOSK_WARNING_SECONDS && left > 0} onClose={() => setLastActivity(Date.now())} title="Still there?" size={640} padding="xl" centered withCloseButton={false} styles={{ title: { fontSize: 40, fontWeight: 700 } }}>
      <Stack gap="xl">
        <Text fz={26} role="timer" aria-live="polite">
          This screen starts over in {Math.max(left, 0)} seconds.
        </Text>
        <Button size="xl" onClick={() => setLastActivity(Date.now())} data-autofocus>
          I'm still here
        </Button>
      </Stack>
    </Modal>
  );
}
