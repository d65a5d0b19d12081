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
}

export interface LoginThrottleTable {
  account_key: string;
  window_started_at: Timestamp;
  window_failures: number;
  last_failure_at: Timestamp;
  locked_until: Timestamp | null;
}

export interface Database {
  user: UserTable;
  session: SessionTable;
  account: AccountTable;
  audit_log: AuditLogTable;
  login_throttle: LoginThrottleTable;
}
