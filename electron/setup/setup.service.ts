import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { AppStatus } from '../../shared/app';
import type { createFirstAdminInput, SessionInfo } from '../../shared/auth';
import { AppError } from '../../shared/errors';
import { countUsers, hashPassword, insertAccount } from '../auth/accounts';
import { createAccountAndSignIn } from '../auth/auth.service';
import { writeAudit } from '../audit/audit.service';
import { actorOf, type Actor, type Caller } from '../core/caller';
import type { CoreContext } from '../core/context';
import type { Database } from '../db/schema';
import { randomUUID } from 'node:crypto';
import dayjs from 'dayjs';
import { zonedLocalToUtc } from '../../shared/time';
import { setWorkshopTags } from '../workshops/workshop-tags';
import { DEMO_ADMIN, DEMO_CATEGORIES, DEMO_WORKSHOPS } from './demo-data';

// One number for "first run" work, so two stations on a fresh shared server cannot both create a first admin.
const FIRST_RUN_LOCK = 7_100_001;

export async function appStatus(ctx: CoreContext, caller: Caller): Promise<AppStatus> {
  // Not before a forced password change: the demo admin's password is printed on the setup screen.
  const seesLocation = caller.role === 'admin' && caller.surface === 'workstation' && caller.user?.mustChangePassword === false;
  return {
    needsSetup: (await countUsers(ctx.db)) === 0,
    stationName: ctx.settings.read().stationName,
      locale: ctx.settings.read().locale ?? null,
    database: seesLocation ? { kind: ctx.dbHandle.kind, location: ctx.dbHandle.description } : { kind: ctx.dbHandle.kind },
    version: ctx.appVersion,
  };
}

async function assertNoAccountYet(trx: Transaction<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${FIRST_RUN_LOCK})`.execute(trx);
  if ((await countUsers(trx)) > 0) {
    throw new AppError('CONFLICT', 'This database already has accounts. Sign in instead; an administrator can create more accounts.');
  }
}

export async function createFirstAdmin(ctx: CoreContext, caller: Caller, input: z.output<typeof createFirstAdminInput>): Promise<SessionInfo> {
  return createAccountAndSignIn(ctx, caller, { ...input, role: 'admin' }, 'setup.create_first_admin', assertNoAccountYet);
}

export interface DemoLoadResult {
  adminEmail: string;
  workshops: number;
}

/**
 * The original product's sample data. From the setup screen it runs only on an empty database;
 * `npm run seed:demo` may run it later (onlyWhenEmpty false): what already exists is kept.
 */
export async function loadDemoData(ctx: CoreContext, actor: Actor, opts: { onlyWhenEmpty: boolean }): Promise<DemoLoadResult> {
  const hash = await hashPassword(DEMO_ADMIN.password, ctx.bcryptCost);
  return ctx.db.transaction().execute(async (trx) => {
    if (opts.onlyWhenEmpty) await assertNoAccountYet(trx);
    const existing = await trx.selectFrom('user').select('id').where('email', '=', DEMO_ADMIN.email).executeTakeFirst();
    if (!existing) {
      // Deliberately weak, as in the original product: the account must choose a new password at first sign-in.
      const admin = await insertAccount(trx, { name: DEMO_ADMIN.name, email: DEMO_ADMIN.email, role: 'admin', passwordHash: hash, mustChangePassword: true }, ctx.now());
      await writeAudit(trx, actor, { action: 'setup.demo_admin', entityType: 'user', entityId: admin.id, after: admin });
    }
    const workshops = await insertDemoWorkshops(trx, actor, ctx.now());
    return { adminEmail: DEMO_ADMIN.email, workshops };
  });
}

/** Published sample workshops, dated from today; any with the same title already there are left alone. */
async function insertDemoWorkshops(trx: Transaction<Database>, actor: Actor, now: Date): Promise<number> {
  const categoryIds = new Map<string, string>();
  for (const name of DEMO_CATEGORIES) {
    await sql`insert into category (id, name) values (${randomUUID()}, ${name}) on conflict ((lower(name))) do nothing`.execute(trx);
    const row = await trx.selectFrom('category').select('id').where(sql<boolean>`lower(name) = ${name.toLowerCase()}`).executeTakeFirstOrThrow();
    categoryIds.set(name, row.id);
  }
  let added = 0;
  for (const w of DEMO_WORKSHOPS) {
    const exists = await trx.selectFrom('workshop').select('id').where('title', '=', w.title).executeTakeFirst();
    if (exists) continue;
    const day = dayjs(now).add(w.inDays, 'day').format('YYYY-MM-DD');
    const startsAt = zonedLocalToUtc(`${day}T${w.startTime}`, w.timeZone);
    const id = randomUUID();
    await trx
      .insertInto('workshop')
      .values({
        id,
        title: w.title,
        summary: w.summary,
        description: w.description,
        category_id: categoryIds.get(w.category)!,
        city: w.city,
        venue: w.venue,
        address: w.address,
        instructor: w.instructor,
        starts_at: startsAt,
        ends_at: new Date(new Date(startsAt).getTime() + w.hours * 3600_000),
        time_zone: w.timeZone,
        capacity: w.capacity,
        price_minor: w.priceMinor,
        currency: w.currency,
        registration_mode: w.registrationMode,
        waitlist_enabled: w.waitlistEnabled,
        status: 'published',
        published_at: now,
        cancel_reason: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await setWorkshopTags(trx, id, w.tags);
    await writeAudit(trx, actor, { action: 'setup.demo_workshop', entityType: 'workshop', entityId: id, after: { title: w.title } });
    added++;
  }
  return added;
}

export const loadDemoDataFromSetup = (ctx: CoreContext, caller: Caller) => loadDemoData(ctx, actorOf(caller), { onlyWhenEmpty: true });
