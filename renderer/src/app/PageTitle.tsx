import { Title } from '@mantine/core';
import { useEffect, useLayoutEffect, useRef } from 'react';

/**
 * Gives the keyboard focus to the page's heading: for when an action removed or disabled the control
 * that had it (a dialog's opener that is gone), so the focus does not fall back to the document.
 */
export function focusPageTitle(): void {
  document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true });
}

/**
 * The one h1 of a signed-in page; it also names the window. When the page replaced what had the
 * keyboard focus (a card that was opened, a button that went away), the focus lands here instead of
 * falling back to the top of the document, so keyboard and screen-reader users go on from the new
 * page's start.
 */
export function PageTitle({ children }: { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} · Workshop Booking`;
  }, [children]);
  // In the same commit that removed the old page: nothing ever sees the focus on <body>.
  useLayoutEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <Title order={1} size="h2" ref={ref} tabIndex={-1}>
      {children}
    </Title>
  );
}
