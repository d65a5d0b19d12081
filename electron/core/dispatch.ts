import { sql } from 'kysely';
import { z } from 'zod';
import { AppError, type AppErrorShape, type FieldErrors, type Result } from '../../shared/errors';
import { contract, isChannel, type CallMeta } from '../../shared/ipc/contract';
import type { Surface } from '../../shared/roles';
import { countUsers } from '../auth/accounts';
import { resolveSession } from '../auth/auth.service';
import { outageKind, outageMessage } from '../db/outage';
import { isTransientConflict, isUniqueViolation } from '../db/errors';
import { powersAt, type Caller, type CallRequest } from './caller';
import type { CoreContext } from './context';
import type { Handler, Handlers, Replayer, Replayers } from './handler';
import { assertSameRequest, findOutcome, REQUEST_KEY, requestFingerprint } from './requests';

/** Where a call comes from: the IPC glue passes the window, the e2e bridge a per-page id. */
export interface CallOrigin {
  clientId: string;
  surface: Surface;
}

export type Dispatch = (origin: CallOrigin, channel: unknown, input: unknown, meta?: unknown) => Promise<Result<unknown>>;

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

const metaSchema = z.object({ requestId: z.uuid().optional() }).strict().nullish();
const REQUEST_ID_MISSING = 'This action was sent without its request id, so a retry could not be told apart from a new action. Reload the app.';

const ACCOUNT_DOMAINS = /^(auth|users|setup|kiosk):/;

/** Tries of a call that PostgreSQL rolled back for a deadlock or a serialization failure. */
const CONFLICT_TRIES = 4;
const CONFLICT_GAVE_UP = 'Other stations were changing the same records at this very moment, and this was not saved. Try again.';

/**
 * Runs a handler again when the database rolled it back to break a deadlock or a serialization
 * conflict: nothing of that try was kept, and a write that did commit part of its work before is
 * answered from its stored outcome (same request id), as for any retry. After a short, random
 * pause, so two stations that collided do not collide again in step.
 */
async function retryingTransientConflicts<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (!isTransientConflict(err)) throw err;
      if (attempt >= CONFLICT_TRIES) throw new AppError('CONFLICT', CONFLICT_GAVE_UP);
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}

/** How long an unexplained failure may spend finding out whether the database is there at all. */
const PROBE_MS = 2000;

/**
 * The one path every call takes: known channel → allowed surface → caller from the session store →
 * allowed role → forced password change → valid request id and input → handler → Result. Access is
 * checked before the input so that a caller who may not use a channel learns nothing about it.
 * Nothing thrown escapes; only AppError messages reach the renderer. A 'write' that was already
 * done (same request id) is answered from its stored outcome.
 */
export function createDispatcher(ctx: CoreContext, handlers: Handlers, replayers: Replayers, logError: (err: unknown, context: string) => void): Dispatch {
  const replay = async (caller: Caller, channel: string): Promise<Result<unknown> | null> => {
    const stored = await findOutcome(ctx.db, caller.request!.id);
    if (!stored) return null;
    assertSameRequest(stored, caller);
    if (stored.outcome !== null || !stored.entityId) return { ok: true, data: stored.outcome };
    const again = replayers[channel as keyof Replayers] as Replayer<never> | undefined;
    if (!again) throw new Error(`${channel} stored no outcome and has no replayer`);
    return { ok: true, data: await again({ ctx, caller, entityId: stored.entityId }) };
  };

  const databaseAnswers = async (): Promise<boolean> => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([sql`select 1`.execute(ctx.db), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('probe timeout')), PROBE_MS)))]);
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  };

  return async (origin, channelName, rawInput, rawMeta) => {
    if (!isChannel(channelName)) return fail('FORBIDDEN', 'This action is not available.');
    const def = contract[channelName];
    if (!def.surfaces.includes(origin.surface)) {
      return fail('FORBIDDEN', origin.surface === 'kiosk' ? 'This is not available at the self-service kiosk.' : 'This is not available in this window.');
    }
    const writes = def.effect !== 'read';
    let caller: Caller | null = null;
    try {
      const session = await resolveSession(ctx, origin.clientId);
      const user = session ? powersAt(origin.surface, session.user) : null;
      caller = {
        clientId: origin.clientId,
        surface: origin.surface,
        station: ctx.settings.read().stationName,
        user,
        role: user?.role ?? 'public',
        sessionToken: session?.token ?? null,
        request: null,
      };
      const admitted = def.audience.includes('public') || (caller.user !== null && def.audience.includes(caller.user.role));
      if (!admitted && !('openDuringFirstRun' in def && def.openDuringFirstRun && (await countUsers(ctx.db)) === 0)) {
        if (!caller.user) return fail('UNAUTHENTICATED', ctx.sessions.takeEndedReason(origin.clientId) ?? 'Please sign in first.');
        return fail('FORBIDDEN', 'Your account is not allowed to do this.');
      }
      if (caller.user?.mustChangePassword && !('allowedBeforePasswordChange' in def && def.allowedBeforePasswordChange)) {
        return fail('PASSWORD_CHANGE_REQUIRED', 'Choose a new password before you continue.');
      }
      const meta = metaSchema.safeParse(rawMeta);
      if (!meta.success) return fail('VALIDATION', 'The request id of this call is not valid.', { _request: ['The request id must be a UUID.'] });
      const requestId = (meta.data as CallMeta | undefined)?.requestId;
      if (def.effect === 'write') {
        if (!requestId) return fail('VALIDATION', REQUEST_ID_MISSING, { _request: [REQUEST_ID_MISSING] });
        caller.request = { id: requestId, channel: channelName } satisfies CallRequest;
      }
      const parsed = (def.input as z.ZodType).safeParse(rawInput);
      if (!parsed.success) {
        const fieldErrors = zodFieldErrors(parsed.error);
        const first = parsed.error.issues[0]?.message;
        return fail('VALIDATION', parsed.error.issues.length === 1 && first ? first : 'Some fields need attention.', fieldErrors);
      }
      if (caller.request) caller.request.fingerprint = requestFingerprint(channelName, caller, parsed.data);
      const handler = handlers[channelName] as Handler<typeof channelName>;
      const call = caller;
      const data = await retryingTransientConflicts(() => handler({ input: parsed.data as never, caller: call, ctx }));
      // Accounts and sessions may have changed: this station reads them again at once, without
      // waiting for the notification every station gets.
      if (def.effect !== 'read' && ACCOUNT_DOMAINS.test(channelName)) ctx.sessions.forgetVerified(null);
      return { ok: true, data };
    } catch (thrown) {
      let err = thrown;
      try {
        // The same request again: done already (committed meanwhile, or before a lost answer).
        if (caller?.request && (isUniqueViolation(err, REQUEST_KEY) || err instanceof AppError)) {
          const again = await replay(caller, channelName);
          if (again) return again;
        }
      } catch (replayErr) {
        err = replayErr;
      }
      if (err instanceof AppError) return { ok: false, error: err.toShape() };
      const kind = outageKind(err) ?? (ctx.dbHandle.kind === 'postgres' && !(await databaseAnswers()) ? 'unreachable' : null);
      logError(err, channelName);
      if (kind) return fail('UNAVAILABLE', outageMessage(kind, writes));
      return fail('INTERNAL', writes ? 'Something went wrong, and it is not known whether this was saved. Please try again.' : 'Something went wrong. Please try again.');
    }
  };
}
