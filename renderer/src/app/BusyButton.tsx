import { Button, Loader, type ButtonProps, type ElementProps } from '@mantine/core';
import type { MouseEvent } from 'react';

type BusyButtonProps = ButtonProps & ElementProps<'button', keyof ButtonProps> & { busy?: boolean };

/**
 * A button for an action that takes a moment (a call to the main process). Mantine's `loading`
 * disables the button, and a disabled button drops the keyboard focus to the page; a busy one here
 * keeps it, says it is busy, and ignores presses (a form is not submitted twice) until done.
 */
export function BusyButton({ busy = false, onClick, leftSection, ...props }: BusyButtonProps) {
  return (
    <Button
      {...props}
      data-disabled={busy || props.disabled || undefined}
      aria-disabled={busy || undefined}
      aria-busy={busy || undefined}
      leftSection={busy ? <Loader size={14} color="currentColor" aria-hidden /> : leftSection}
      onClick={(e: MouseEvent<HTMLButtonElement>) => {
        if (busy) e.preventDefault();
        else onClick?.(e);
      }}
    />
  );
}
