import type { z } from 'zod';
import { AppError, type AppErrorShape, type FieldErrors, type Result } from '../../shared/errors';
import { contract, isChannel } from '../../shared/ipc/contract';
import type { Surface } from '../../shared/roles';
import { countUsers } from '../auth/accounts';
import { resolveSession } from '../auth/auth.service';
import type { Caller } from './caller';
import type { CoreContext } from './context';
import type { Handler, Handlers } from './handler';

/** Where a call comes from: the IPC glue passes the window, the e2e bridge a per-page id. */
export interface CallOrigin {
  clientId: string;
  surface: Surface;
}

export type Dispatch = (origin: CallOrigin, channel: unknown, input: unknown) => Promise<Result<unknown>>;

const fail = (code: AppErrorShape['code'], message: string, fieldErrors?: FieldErrors): Result<never> => ({
  ok: false,
  error: fieldErrors ? { code, message, fieldErrors } : { code, message },
});

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

const DB_DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', '57P01', '57P03', '08006', '08001']);

/**
 * The one path every call takes: known channel → allowed surface → caller from the session store →
 * allowed role → forced password change → valid input → handler → Result. Access is checked before
 * the input so that a caller who may not use a channel learns nothing about it. Nothing thrown
 * escapes; only AppError messages reach the renderer.
 */
export function createDispatcher(ctx: CoreContext, handlers: Handlers, logError: (err: unknown, context: string) => void): Dispatch {
  return async (origin, channelName, rawInput) => {
    if (!isChannel(channelName)) return fail('FORBIDDEN', 'This action is not available.');
    const def = contract[channelName];
    if (!def.surfaces.includes(origin.surface)) {
      return fail('FORBIDDEN', origin.surface === 'kiosk' ? 'This is not available at the self-service kiosk.' : 'This is not available in this window.');
    }
    try {
      const session = await resolveSession(ctx, origin.clientId);
      const caller: Caller = {
        clientId: origin.clientId,
        surface: origin.surface,
        station: ctx.settings.read().stationName,
        user: session?.user ?? null,
        role: session?.user.role ?? 'public',
        sessionToken: session?.token ?? null,
      };
      const admitted = def.audience.includes('public') || (caller.user !== null && def.audience.includes(caller.user.role));
      if (!admitted && !('openDuringFirstRun' in def && def.openDuringFirstRun && (await countUsers(ctx.db)) === 0)) {
        if (!caller.user) return fail('UNAUTHENTICATED', ctx.sessions.takeEndedReason(origin.clientId) ?? 'Please sign in first.');
        return fail('FORBIDDEN', 'Your account is not allowed to do this.');
      }
      if (caller.user?.mustChangePassword && !('allowedBeforePasswordChange' in def && def.allowedBeforePasswordChange)) {
        return fail('PASSWORD_CHANGE_REQUIRED', 'Choose a new password before you continue.');
      }
      const parsed = (def.input as z.ZodType).safeParse(rawInput);
      if (!parsed.success) {
        const fieldErrors = zodFieldErrors(parsed.error);
        const first = parsed.error.issues[0]?.message;
        return fail('VALIDATION', parsed.error.issues.length === 1 && first ? first : 'Some fields need attention.', fieldErrors);
      }
      const handler = handlers[channelName] as Handler<typeof channelName>;
      const data = await handler({ input: parsed.data as never, caller, ctx });
      return { ok: true, data };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toShape() };
      const code = (err as { code?: string })?.code;
      if (code && DB_DOWN_CODES.has(code)) {
        logError(err, channelName);
        return fail('UNAVAILABLE', 'The database cannot be reached right now. Check the connection and try again.');
      }
      logError(err, channelName);
      return fail('INTERNAL', 'Something went wrong and the action was not completed. Please try again.');
    }
  };
}
