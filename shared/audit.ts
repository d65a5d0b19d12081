import { z } from 'zod';
import { boundedInt, calendarDate, text } from './text';
import { isValidTimeZone } from './time';

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  station: string;
  /** The window it came from: the self-service kiosk, or a workstation (desk and admin). */
  surface: 'workstation' | 'kiosk';
  action: string;
  entityType: string;
  entityId: string | null;
  /** What was acted on, as people know it: a workshop's title, "Ann Lee — Pottery", an account's name. */
  entityName: string | null;
  before: unknown;
  after: unknown;
}

export const listAuditInput = z.object({
  entityType: text().max(60).optional(),
  entityId: text().max(200).optional(),
  limit: boundedInt(1, 500, 'The page size').default(100),
  /** Id of the last row of the previous page (newest first). */
  beforeId: text().regex(/^\d{1,18}$/, 'Not a valid position in the log.').optional(),
  /** Part of the email of who acted. */
  actor: text().trim().min(1).max(200).optional(),
  station: text().trim().min(1).max(100).optional(),
  /** An action key, e.g. 'payment.refund'. */
  action: text().trim().min(1).max(80).optional(),
  /** Calendar days, in `timeZone` (the viewer's; UTC when absent). */
  from: calendarDate().optional(),
  to: calendarDate().optional(),
  timeZone: text().max(64).refine(isValidTimeZone, { message: 'Not a known time zone.' }).optional(),
});

/** What an entry can be about, as the filter offers it. */
export const AUDIT_ENTITY_TYPES: Record<string, string> = {
  registration: 'Registration',
  workshop: 'Workshop',
  user: 'Account',
  account: 'Sign-in',
  category: 'Category',
  tag: 'Tag',
  station: 'Station settings',
  backup: 'Backup',
  export: 'Export',
};

/** Each recorded action in words, as the audit log shows it. */
export const AUDIT_ACTIONS: Record<string, string> = {
  'setup.create_first_admin': 'Set up the app and created the first administrator',
  'setup.demo_admin': 'Loaded the demo administrator',
  'setup.demo_workshop': 'Loaded a demo workshop',
  'auth.sign_up': 'Created an attendee account',
  'auth.sign_in': 'Signed in',
  'auth.sign_in_failed': 'Failed to sign in',
  'auth.sign_in_refused': 'Was refused at the kiosk (must choose a new password at a staff workstation first)',
  'kiosk.exit': 'Closed the self-service kiosk',
  'kiosk.exit_refused': 'Tried a wrong PIN to close the kiosk',
  'kiosk.settings': 'Changed the kiosk settings',
  'auth.sign_out': 'Signed out',
  'auth.change_password': 'Changed their password',
  'user.create': 'Created an account',
  'user.set_role': 'Changed the role of an account',
  'user.disable': 'Disabled an account',
  'user.enable': 'Enabled an account',
  'user.reset_password': 'Reset the password of an account',
  'settings.update': 'Changed the station settings',
  'settings.locale': 'Changed how this station shows dates and times',
  'category.create': 'Added a category',
  'category.rename': 'Renamed a category',
  'category.delete': 'Deleted a category',
  'tag.rename': 'Renamed a tag',
  'tag.merge': 'Merged tags',
  'tag.delete': 'Deleted a tag',
  'workshop.create': 'Created a workshop as a draft',
  'workshop.update': 'Edited a workshop',
  'workshop.duplicate': 'Duplicated a workshop',
  'workshop.publish': 'Published a workshop',
  'workshop.unpublish': 'Took a workshop back to draft',
  'workshop.cancel': 'Cancelled a workshop',
  'workshop.archive': 'Archived a workshop',
  'workshop.delete': 'Deleted a workshop',
  'workshop.open_waitlist': 'Opened a waiting list',
  'registration.request': 'Requested a place',
  'registration.confirm': 'Confirmed a registration',
  'registration.waitlist': 'Put a registration on the waiting list',
  'registration.promote': 'Gave a freed seat to the next on the waiting list',
  'registration.cancel': 'Cancelled a registration',
  'registration.cancel_all': "Cancelled a cancelled workshop's registrations",
  'registration.reject': 'Rejected a request',
  'registration.bulk_approve': 'Approved a request',
  'registration.bulk_reject': 'Rejected a request',
  'registration.bulk_waitlist': 'Moved a request to the waiting list',
  'payment.payment': 'Recorded a payment',
  'payment.refund': 'Recorded a refund',
  'payment.waiver': 'Waived the amount due',
  'report.export': 'Exported a report to a file',
};

/** "Approved a request: waiting list" — the words for an entry, with where a bulk approval put it. */
export function actionInWords(entry: Pick<AuditEntry, 'action' | 'after'>): string {
  const words = AUDIT_ACTIONS[entry.action] ?? entry.action.replace(/[._]/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
  const status = (entry.after as { status?: unknown } | null)?.status;
  if (entry.action === 'registration.bulk_approve' && status === 'waitlisted') return `${words}, onto the waiting list (no seat free)`;
  return words;
}
