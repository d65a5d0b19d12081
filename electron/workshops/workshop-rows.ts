import { sql, type Kysely, type Transaction } from 'kysely';
import type { Currency } from '../../shared/money';
import { utcToZonedLocal } from '../../shared/time';
import type { OrganiserWorkshopRow, WorkshopCard, WorkshopDetail } from '../../shared/workshops';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/** Columns every workshop view needs, with the category name and tag names joined in. */
export const cardColumns = [
  'w.id',
  'w.title',
  'w.summary',
  'w.category_id',
  'c.name as category_name',
  'w.city',
  'w.venue',
  'w.instructor',
  'w.starts_at',
  'w.ends_at',
  'w.time_zone',
  'w.capacity',
  'w.seats_taken',
  'w.price_minor',
  'w.currency',
  'w.registration_mode',
  'w.waitlist_enabled',
  'w.status',
  sql<string[]>`coalesce((select array_agg(t.name order by lower(t.name)) from workshop_tag wt join tag t on t.id = wt.tag_id where wt.workshop_id = w.id), '{}')`.as('tags'),
] as const;

export interface CardRow {
  id: string;
  title: string;
  summary: string;
  category_id: string;
  category_name: string;
  city: string;
  venue: string;
  instructor: string;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  capacity: number;
  seats_taken: number;
  price_minor: number;
  currency: string;
  registration_mode: 'automatic' | 'manual';
  waitlist_enabled: boolean;
  status: 'draft' | 'published' | 'cancelled' | 'archived';
  tags: string[];
}

export const toCard = (r: CardRow): WorkshopCard => ({
  id: r.id,
  title: r.title,
  summary: r.summary,
  categoryId: r.category_id,
  categoryName: r.category_name,
  tags: r.tags,
  city: r.city,
  venue: r.venue,
  instructor: r.instructor,
  startsAt: new Date(r.starts_at).toISOString(),
  endsAt: new Date(r.ends_at).toISOString(),
  timeZone: r.time_zone,
  capacity: r.capacity,
  seatsTaken: r.seats_taken,
  seatsLeft: Math.max(0, r.capacity - r.seats_taken),
  priceMinor: r.price_minor,
  currency: r.currency as Currency,
  registrationMode: r.registration_mode,
  waitlistEnabled: r.waitlist_enabled,
  status: r.status,
});

export const baseWorkshopQuery = (db: Db) => db.selectFrom('workshop as w').innerJoin('category as c', 'c.id', 'w.category_id');

export async function loadDetail(db: Db, id: string): Promise<WorkshopDetail | null> {
  const r = await baseWorkshopQuery(db)
    .select(cardColumns)
    .select([
      'w.description',
      'w.address',
      'w.cancel_reason',
      'w.version',
      'w.created_at',
      'w.updated_at',
      sql<boolean>`exists (select 1 from registration r where r.workshop_id = w.id)`.as('has_registrations'),
    ])
    .where('w.id', '=', id)
    .executeTakeFirst();
  if (!r) return null;
  const card = toCard(r as unknown as CardRow);
  return {
    ...card,
    description: r.description,
    address: r.address,
    cancelReason: r.cancel_reason,
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    startsLocal: utcToZonedLocal(card.startsAt, card.timeZone),
    endsLocal: utcToZonedLocal(card.endsAt, card.timeZone),
    hasRegistrations: r.has_registrations,
  };
}

export const toOrganiserRow = (r: CardRow & { pending_count: number | string; created_at: Date }): OrganiserWorkshopRow => ({
  ...toCard(r),
  pendingCount: Number(r.pending_count),
  createdAt: new Date(r.created_at).toISOString(),
});
