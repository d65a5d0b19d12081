import { notifications } from '@mantine/notifications';
import type { UseFormReturnType } from '@mantine/form';
import type { AppErrorShape, Result } from '../../../shared/errors';

export const notifyError = (error: AppErrorShape): void => {
  notifications.show({ color: 'red', title: titleFor(error.code), message: error.message, autoClose: 8000 });
};

export const notifySuccess = (message: string): void => {
  notifications.show({ color: 'teal', message, autoClose: 4000 });
};

const titleFor = (code: AppErrorShape['code']): string =>
  ({
    VALIDATION: 'Please check the form',
    UNAUTHENTICATED: 'Not signed in',
    FORBIDDEN: 'Not allowed',
    PASSWORD_CHANGE_REQUIRED: 'New password needed',
    NOT_FOUND: 'Not found',
    CONFLICT: 'Cannot do that',
    RATE_LIMITED: 'Please wait',
    UNAVAILABLE: 'Unavailable',
    INTERNAL: 'Something went wrong',
  })[code];

/**
 * Shows a failed result the standard way: field errors next to their fields, the message in a
 * notification. Returns the data on success, null on failure.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function handleResult<T>(result: Result<T>, form?: UseFormReturnType<any>): T | null {
  if (result.ok) return result.data;
  // The session store turns these into a screen of their own (sign-in, new password).
  if (result.error.code === 'UNAUTHENTICATED' || result.error.code === 'PASSWORD_CHANGE_REQUIRED') return null;
  const fieldErrors = result.error.fieldErrors;
  if (form && fieldErrors) {
    const known = Object.fromEntries(Object.entries(fieldErrors).filter(([k]) => k in form.getValues()).map(([k, v]) => [k, v.join(' ')]));
    form.setErrors(known);
    // Every message already stands next to its field: no need to repeat it in a notification.
    if (Object.keys(known).length === Object.keys(fieldErrors).length) return null;
  }
  notifyError(result.error);
  return null;
}
