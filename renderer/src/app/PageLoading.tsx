import { Center, Loader } from '@mantine/core';
import { useLayoutEffect, useRef } from 'react';

/**
 * A page still loading its data. When it replaced what had the keyboard focus (the link that opened
 * it), it holds the focus, announced as loading, until the page's heading takes it over.
 */
export function PageLoading({ label }: { label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <Center ref={ref} tabIndex={-1} role="status" aria-label={label} py="xl" style={{ alignSelf: 'flex-start' }}>
      <Loader aria-hidden />
    </Center>
  );
}
