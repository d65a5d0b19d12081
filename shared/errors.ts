/**
 * The one error shape that crosses IPC. Codes are a small fixed set so the renderer can
 * react to each one; `message` is always safe to show to a user (no SQL, no stack).
 */
export const APP_ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'PASSWORD_CHANGE_REQUIRED',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** Field path (dot-joined, e.g. "password" or "schedule.end") → messages for that field. */
export type FieldErrors = Record<string, string[]>;

export interface AppErrorShape {
  code: AppErrorCode;
  message: string;
  fieldErrors?: FieldErrors;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppErrorShape };

/**
 * Thrown by services in the main process; the dispatcher turns it into a Result.
 * Plain JS errors never cross IPC: anything that is not an AppError becomes INTERNAL.
 */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors?: FieldErrors;
  /** Extra, non-secret data for the caller (e.g. seconds until retry). */
  readonly details?: Record<string, unknown>;

  constructor(code: AppErrorCode, message: string, opts: { fieldErrors?: FieldErrors; details?: Record<string, unknown> } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fieldErrors = opts.fieldErrors;
    this.details = opts.details;
  }

  toShape(): AppErrorShape {
    return this.fieldErrors ? { code: this.code, message: this.message, fieldErrors: this.fieldErrors } : { code: this.code, message: this.message };
  }
}

export function fieldError(field: string, message: string): AppError {
  return new AppError('VALIDATION', message, { fieldErrors: { [field]: [message] } });
}

export function isAppErrorShape(v: unknown): v is AppErrorShape {
  return typeof v === 'object' && v !== null && typeof (v as AppErrorShape).code === 'string' && typeof (v as AppErrorShape).message === 'string';
}
