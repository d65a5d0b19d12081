import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create sequence registration_waitlist_seq`.execute(db);
  await sql`create table registration (
    id text primary key,
    workshop_id text not null references workshop (id),
    user_id text references "user" (id) on delete set null,
    person_name text not null,
    person_email text,
    person_phone text,
    status text not null check (status in ('pending', 'confirmed', 'waitlisted', 'rejected', 'cancelled')),
    -- Order on the waiting list: a sequence, so two stations in the same millisecond still queue.
    waitlisted_at timestamptz,
    waitlist_seq bigint,
    requested_at timestamptz not null,
    confirmed_at timestamptz,
    rejected_at timestamptz,
    reject_reason text,
    cancelled_at timestamptz,
    cancelled_by text,
    cancel_reason text,
    amount_due_minor integer not null check (amount_due_minor >= 0),
    currency text not null,
    payment_status text not null check (payment_status in ('not_required', 'unpaid', 'paid', 'refunded', 'waived')),
    ticket_code text unique,
    station text not null,
    updated_at timestamptz not null default now(),
    version integer not null default 0
  )`.execute(db);
  // One active registration per person per workshop, by account and by email.
  await sql`create unique index registration_active_user_key on registration (workshop_id, user_id)
    where user_id is not null and status in ('pending', 'confirmed', 'waitlisted')`.execute(db);
  await sql`create unique index registration_active_email_key on registration (workshop_id, lower(person_email))
    where person_email is not null and status in ('pending', 'confirmed', 'waitlisted')`.execute(db);
  await sql`create index registration_workshop_status_idx on registration (workshop_id, status, requested_at, id)`.execute(db);
  await sql`create index registration_pending_idx on registration (requested_at, id) where status = 'pending'`.execute(db);
  await sql`create index registration_waitlist_idx on registration (workshop_id, waitlist_seq) where status = 'waitlisted'`.execute(db);
  await sql`create index registration_user_idx on registration (user_id, requested_at desc)`.execute(db);

  await sql`create table payment (
    id bigint generated always as identity primary key,
    registration_id text not null references registration (id),
    kind text not null check (kind in ('payment', 'refund', 'waiver')),
    amount_minor integer not null check (amount_minor >= 0),
    currency text not null,
    method text not null check (method in ('cash', 'card', 'transfer', 'other', 'none')),
    note text not null default '',
    actor_id text,
    station text not null,
    at timestamptz not null default now()
  )`.execute(db);
  await sql`create index payment_registration_idx on payment (registration_id, at)`.execute(db);
}
