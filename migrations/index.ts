import type { Migration } from 'kysely/migration';
import * as m0001 from './20261124_0001_auth_tables';
import * as m0002 from './20261124_0002_audit_log';
import * as m0003 from './20261124_0003_login_throttle';
import * as m0004 from './20261124_0004_workshops';
import * as m0005 from './20261124_0005_registrations';
import * as m0006 from './20261125_0006_discovery_speed';
import * as m0007 from './20261125_0007_search_lexicon';
import * as m0008 from './20261125_0008_text_facet_postings';
import * as m0009 from './20261201_0009_request_outcome';
import * as m0010 from './20261201_0010_signin_sessions';
import * as m0011 from './20261201_0011_checkins';
import * as m0012 from './20261201_0012_audit_surface';
import * as m0013 from './20261201_0013_session_notify';
import * as m0014 from './20261201_0014_report_indexes';
import * as m0015 from './20261201_0015_desk_phone_search';
import * as m0016 from './20261201_0016_payment_workshop';
import * as m0017 from './20261201_0017_workshop_checked_in';
import * as m0018 from './20261201_0018_price_postings';
import * as m0019 from './20261201_0019_request_outcome_json';
import * as m0020 from './20261201_0020_registration_indexes_without_nulls';
import * as m0021 from './20261201_0021_request_fingerprint';
import * as m0022 from './20261202_0022_checked_in_counter';

/**
 * Every migration, by name, in order. Explicit (no folder scanning): a packed app has no folder
 * to scan. A test checks that every file in this folder is listed here.
 */
export const migrations: Record<string, Migration> = {
  '20261124_0001_auth_tables': m0001,
  '20261124_0002_audit_log': m0002,
  '20261124_0003_login_throttle': m0003,
  '20261124_0004_workshops': m0004,
  '20261124_0005_registrations': m0005,
  '20261125_0006_discovery_speed': m0006,
  '20261125_0007_search_lexicon': m0007,
  '20261125_0008_text_facet_postings': m0008,
  '20261201_0009_request_outcome': m0009,
  '20261201_0010_signin_sessions': m0010,
  '20261201_0011_checkins': m0011,
  '20261201_0012_audit_surface': m0012,
  '20261201_0013_session_notify': m0013,
  '20261201_0014_report_indexes': m0014,
  '20261201_0015_desk_phone_search': m0015,
  '20261201_0016_payment_workshop': m0016,
  '20261201_0017_workshop_checked_in': m0017,
  '20261201_0018_price_postings': m0018,
  '20261201_0019_request_outcome_json': m0019,
  '20261201_0020_registration_indexes_without_nulls': m0020,
  '20261201_0021_request_fingerprint': m0021,
  '20261202_0022_checked_in_counter': m0022,
};
