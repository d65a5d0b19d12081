import { sql, type Kysely } from 'kysely';

/**
 * Every station keeps the sessions of its windows in memory, so a call needs no database round trip
 * to know who is calling. What may end or change a session — the session row deleted (signed out,
 * password changed, reset), the account disabled, its role or name changed — notifies every station
 * on 'wb_sessions' with the user's id, when it commits; each station then reads that user again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create function wb_session_gone() returns trigger language plpgsql as $$
    begin
      perform pg_notify('wb_sessions', old."userId");
      return null;
    end
  $$`.execute(db);
  await sql`create trigger session_gone after delete on "session" for each row execute function wb_session_gone()`.execute(db);
  await sql`create function wb_user_changed() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        perform pg_notify('wb_sessions', old.id);
      elsif (old.role, old.disabled, old."mustChangePassword", old.name, old.email) is distinct from (new.role, new.disabled, new."mustChangePassword", new.name, new.email) then
        perform pg_notify('wb_sessions', new.id);
      end if;
      return null;
    end
  $$`.execute(db);
  await sql`create trigger user_changed after update or delete on "user" for each row execute function wb_user_changed()`.execute(db);
}
