import { Center, Loader } from '@mantine/core';
import { useLayoutEffect, useRef } from 'react';

/**
 * Whether nobody would see where the focus is: on the document itself, or on an element that is gone
 * or hidden — as the link that opened a page is, while React hides the old page for the loading one.
 */
function focusIsLost(): boolean {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body || !el.isConnected) return true;
  return typeof el.checkVisibility === 'function' && !el.checkVisibility();
}

/**
 * A page still loading its data. When it replaced what had the keyboard focus (the link that opened
 * it), it holds the focus, announced as loading, until the page's heading takes it over.
 */
export function PageLoading({ label }: { label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (focusIsLost()) ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <Center ref={ref} tabIndex={-1} role="status" aria-label={label} py="xl" style={{ alignSelf: 'flex-start' }}>
      <Loader aria-hidden />
    </Center>
  );
}
