import { sql, type Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../electron/db/schema';

export interface SeatState {
  capacity: number;
  seatsTaken: number;
  confirmed: number;
  waiting: number;
  mode: 'automatic' | 'manual';
}

export async function seatState(db: Kysely<Database>, workshopId: string): Promise<SeatState> {
  const r = await sql<SeatState>`select w.capacity, w.seats_taken as "seatsTaken", w.registration_mode as mode,
      (count(r.id) filter (where r.status = 'confirmed'))::int as confirmed,
      (count(r.id) filter (where r.status = 'waitlisted'))::int as waiting
    from workshop w left join registration r on r.workshop_id = w.id
    where w.id = ${workshopId} group by w.id`.execute(db);
  return r.rows[0]!;
}

/**
 * What must hold after every commit: the seat counter equals the confirmed registrations, never
 * more than capacity, and an instant-confirmation workshop with people waiting has no free seat
 * (a free seat goes to the first person waiting, not to whoever books next).
 */
export async function expectSeatsConsistent(db: Kysely<Database>, workshopId: string, label = ''): Promise<SeatState> {
  const s = await seatState(db, workshopId);
  expect(s.seatsTaken, `${label} seats taken = confirmed`).toBe(s.confirmed);
  expect(s.seatsTaken, `${label} within capacity`).toBeLessThanOrEqual(s.capacity);
  if (s.mode === 'automatic' && s.waiting > 0) expect(s.seatsTaken, `${label} people waiting while a seat is free`).toBe(s.capacity);
  return s;
}
