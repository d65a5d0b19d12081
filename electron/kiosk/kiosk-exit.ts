import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { kioskExitInput } from '../../shared/kiosk';
import { writeAudit } from '../audit/audit.service';
import { signIn, signOut } from '../auth/auth.service';
import { verifyPassword } from '../auth/password-hash';
import { actorOf, type Caller } from '../core/caller';
import type { CoreContext } from '../core/context';
import { kioskStationSettings } from './kiosk-settings';

const WRONG_PIN = 'That PIN is not right.';

/**
 * Leaving kiosk mode: staff's PIN (wrong ones throttled per kiosk, before bcrypt runs), or an
 * administrator's sign-in (through the sign-in service and its throttle; the session it opens is
 * ended at once). Whoever was signed in at the kiosk is signed out, and the shell closes the window.
 */
export async function exitKiosk(ctx: CoreContext, caller: Caller, input: z.output<typeof kioskExitInput>): Promise<{ exited: true }> {
  let by: 'pin' | 'admin';
  if ('pin' in input) {
    const { pinHash } = kioskStationSettings(ctx);
    if (!pinHash) throw new AppError('FORBIDDEN', 'No PIN is set for this kiosk. An administrator can sign in to close it.');
    // Counted before bcrypt runs: forty PINs sent at once meet the limit as forty in a row would.
    ctx.kiosk.pins.begin(caller.clientId, ctx.now());
    if (!(await verifyPassword(input.pin, pinHash))) {
      await writeAudit(ctx.db, actorOf(caller), { action: 'kiosk.exit_refused', entityType: 'station', entityId: null, after: { by: 'pin' } });
      throw new AppError('VALIDATION', WRONG_PIN, { fieldErrors: { pin: [WRONG_PIN] } });
    }
    ctx.kiosk.pins.succeeded(caller.clientId);
    by = 'pin';
  } else {
    const session = await signIn(ctx, caller, input);
    const admin = { ...caller, user: session.user };
    await signOut(ctx, admin);
    // The session reports an attendee's powers at the kiosk: the account's own role decides here.
    const account = await ctx.db.selectFrom('user').select('role').where('id', '=', session.user.id).executeTakeFirst();
    if (account?.role !== 'admin') throw new AppError('FORBIDDEN', 'Only an administrator can close the kiosk. Staff can use the PIN.');
    caller = admin;
    by = 'admin';
  }
  if (caller.user && by === 'pin') await signOut(ctx, caller);
  await writeAudit(ctx.db, actorOf(caller), { action: 'kiosk.exit', entityType: 'station', entityId: null, after: { by } });
  ctx.kiosk.exit(caller.clientId);
  return { exited: true };
}
