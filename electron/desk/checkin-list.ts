import { sql } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { CheckInList, checkInListInput } from '../../shared/desk';
import type { CoreContext } from '../core/context';
import { loadPeople, toCheckInRecord, toDeskWorkshop, toPerson } from '../checkin/desk-rows';

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Who is in (when, where, by whom) and who is not yet; once the workshop has ended, the no-shows. */
export async function checkInList(ctx: CoreContext, input: z.output<typeof checkInListInput>): Promise<CheckInList> {
  const q = input.q?.trim().toLowerCase();
  const filter = q ? sql`and (lower(r.person_name) like ${`%${likeEscape(q)}%`} or lower(coalesce(r.person_email, '')) like ${`${likeEscape(q)}%`} or r.ticket_code = ${q.toUpperCase().replace(/[\s-]/g, '')})` : sql``;
  const rows = await loadPeople(ctx.db, sql`r.workshop_id = ${input.workshopId} and (r.status = 'confirmed' or r.checkin_id is not null) ${filter} order by e.at desc nulls last, r.person_name, r.id`);
  let workshop = rows[0] ? toDeskWorkshop(rows[0]) : null;
  if (!workshop) {
    const head = await ctx.db.selectFrom('workshop').select(['id', 'title', 'starts_at', 'ends_at', 'time_zone', 'venue', 'city', 'status', 'capacity', 'registration_mode', 'waitlist_enabled', 'price_minor', 'currency']).where('id', '=', input.workshopId).executeTakeFirst();
    if (!head) throw new AppError('NOT_FOUND', 'This workshop no longer exists.');
    workshop = {
      id: head.id,
      title: head.title,
      startsAt: new Date(head.starts_at).toISOString(),
      endsAt: new Date(head.ends_at).toISOString(),
      timeZone: head.time_zone,
      venue: head.venue,
      city: head.city,
      status: head.status,
      capacity: head.capacity,
      registrationMode: head.registration_mode,
      waitlistEnabled: head.waitlist_enabled,
      priceMinor: head.price_minor,
      currency: head.currency as CheckInList['workshop']['currency'],
    };
  }
  return {
    workshop,
    in: rows.filter((r) => r.ci_id).map((r) => ({ person: toPerson(r), checkIn: toCheckInRecord(r)! })),
    notYet: rows.filter((r) => !r.ci_id && r.status === 'confirmed').map(toPerson),
    ended: new Date(workshop.endsAt) <= ctx.now(),
  };
}
