import { Title } from '@mantine/core';
import { useEffect, useLayoutEffect, useRef } from 'react';

/**
 * The one h1 of a kiosk screen, in large type. It takes the focus when the screen opens, so keyboard
 * and screen-reader users start from the new screen's top, and it names the window.
 */
export function KioskTitle({ children }: { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} · Kiosk`;
  }, [children]);
  useLayoutEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <Title order={1} fz={{ base: 40, md: 52 }} lh={1.15} ref={ref} tabIndex={-1}>
      {children}
    </Title>
  );
}
