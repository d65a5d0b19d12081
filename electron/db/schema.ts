import type { ColumnType, Generated } from 'kysely';
import type { Role } from '../../shared/roles';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface UserTable {
  id: string;
  name: string;
  email: string;
  emailVerified: Generated<boolean>;
  image: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  role: Role;
  disabled: Generated<boolean>;
  mustChangePassword: Generated<boolean>;
}

export interface SessionTable {
  id: string;
  expiresAt: Timestamp;
  token: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  ipAddress: string | null;
  userAgent: string | null;
  userId: string;
  /** Ours (migration 0010): where and how it was opened, and its last call. */
  station: string | null;
  surface: string | null;
  last_active_at: Timestamp | null;
}

export interface AccountTable {
  id: string;
  accountId: string;
  providerId: string;
  userId: string;
  password: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  actor_id: string | null;
  actor_email: string | null;
  station: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  /** The window the action came from (migration 0012). */
  surface: Generated<'workstation' | 'kiosk'>;
}

/** Sign-in counters by scope (see electron/auth/login-throttle.ts; migration 0010). */
export interface LoginThrottleTable {
  scope: 'account_station' | 'account' | 'station' | 'sign_up_station';
  account: string;
  station: string;
  streak: Generated<number>;
  last_failure_at: Timestamp | null;
  window_started_at: Timestamp;
  window_count: Generated<number>;
  locked_until: Timestamp | null;
}

export interface Database {
  user: UserTable;
  session: SessionTable;
  account: AccountTable;
  audit_log: AuditLogTable;
  login_throttle: LoginThrottleTable;
  category: CategoryTable;
  tag: TagTable;
  workshop: WorkshopTable;
  workshop_tag: WorkshopTagTable;
  workshop_checked_in: WorkshopCheckedInTable;
  workshop_facet_month: WorkshopFacetMonthTable;
  search_lexicon: SearchLexiconTable;
  facet_cell: FacetCellTable;
  workshop_word: WorkshopWordTable;
  registration: RegistrationTable;
  payment: PaymentTable;
  request_outcome: RequestOutcomeTable;
  checkin_event: CheckinEventTable;
}

export interface RequestOutcomeTable {
  request_id: string;
  channel: string;
  actor_id: string | null;
  entity_id: string | null;
  outcome: unknown;
  fingerprint: string | null;
  at: Timestamp;
}

/** Published workshops per UTC month, category and city; kept by a trigger (migration 0006). */
export interface WorkshopFacetMonthTable {
  month: ColumnType<string, never, never>;
  category_id: string;
  city: string;
  n: number;
}

/** Words of published workshops' search text, with how many hold each (kept by triggers, migration 0007). */
export interface SearchLexiconTable {
  word: string;
  n: number;
}

/** A (category, city) pair, numbered for the compact rows of workshop_word (migration 0008). */
export interface FacetCellTable {
  id: Generated<number>;
  category_id: string;
  city: string;
}

/** One row per word of each published workshop, for text-search facet counts (kept by triggers, migration 0008). */
export interface WorkshopWordTable {
  word: string;
  starts_at: Timestamp;
  cell: number;
  num: number;
  /** The workshop's price (migration 0018), for text searches with a price filter. */
  price_minor: number;
  currency: string;
}

export interface CategoryTable {
  id: string;
  name: string;
  created_at: Generated<Date>;
}

export interface TagTable {
  id: string;
  name: string;
  created_at: Generated<Date>;
}

export interface WorkshopTable {
  id: string;
  title: string;
  summary: string;
  description: string;
  category_id: string;
  city: string;
  venue: string;
  address: string;
  instructor: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  time_zone: string;
  capacity: number;
  seats_taken: Generated<number>;
  price_minor: number;
  currency: string;
  registration_mode: 'automatic' | 'manual';
  waitlist_enabled: boolean;
  status: Generated<'draft' | 'published' | 'cancelled' | 'archived'>;
  cancel_reason: string | null;
  tags_text: Generated<string>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  published_at: Date | null;
  search_doc: ColumnType<unknown, never, never>;
  /** A compact number for the workshop, used by workshop_word. */
  num: ColumnType<number, never, never>;
}

/** People checked in per workshop (migration 0022): a row of its own, touched only by check-ins and reversals. */
export interface WorkshopCheckedInTable {
  workshop_id: string;
  checked_in: number;
}

export interface WorkshopTagTable {
  workshop_id: string;
  tag_id: string;
}

export type RegistrationStatus = 'pending' | 'confirmed' | 'waitlisted' | 'rejected' | 'cancelled';
export type PaymentStatus = 'not_required' | 'unpaid' | 'paid' | 'refunded' | 'waived';

export interface RegistrationTable {
  id: string;
  workshop_id: string;
  user_id: string | null;
  person_name: string;
  person_email: string | null;
  person_phone: string | null;
  status: RegistrationStatus;
  waitlisted_at: Timestamp | null;
  waitlist_seq: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  requested_at: Timestamp;
  confirmed_at: Timestamp | null;
  rejected_at: Timestamp | null;
  reject_reason: string | null;
  cancelled_at: Timestamp | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
  amount_due_minor: number;
  currency: string;
  payment_status: PaymentStatus;
  ticket_code: string | null;
  station: string;
  updated_at: Generated<Date>;
  version: Generated<number>;
  /** The effective check-in (migration 0011), null when not checked in. */
  checkin_id: ColumnType<string | null, string | null | undefined, string | null>;
  person_phone_digits: ColumnType<string | null, never, never>;
}

export interface CheckinEventTable {
  id: Generated<string>;
  registration_id: string;
  workshop_id: string;
  kind: 'check_in' | 'reversal';
  reverses_id: string | null;
  at: Timestamp;
  recorded_at: Generated<Date>;
  station: string;
  surface: 'workstation' | 'kiosk';
  actor_id: string | null;
  actor_name: string | null;
  request_id: string | null;
  reason: string | null;
}

export interface PaymentTable {
  id: Generated<string>;
  registration_id: string;
  kind: 'payment' | 'refund' | 'waiver' | 'void';
  /** The registration's workshop, set by a trigger (migration 0016), for reports over a range of workshops. */
  workshop_id: ColumnType<string, never, never>;
  amount_minor: number;
  currency: string;
  method: 'cash' | 'card' | 'transfer' | 'other' | 'none';
  note: string;
  actor_id: string | null;
  station: string;
  at: Generated<Date>;
  voids_id: string | null;
  tendered_minor: number | null;
  surface: Generated<'workstation' | 'kiosk'>;
}
