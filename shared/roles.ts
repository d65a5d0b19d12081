export const ROLES = ['admin', 'staff', 'attendee'] as const;
export type Role = (typeof ROLES)[number];

/** Who may call a channel: a role, or 'public' for anyone including signed-out callers. */
export type Audience = Role | 'public';

/**
 * Where a call comes from. 'workstation' is the normal app window (desk and admin);
 * 'kiosk' is the self-service window, where organiser channels are refused whoever signs in.
 */
export const SURFACES = ['workstation', 'kiosk'] as const;
export type Surface = (typeof SURFACES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  staff: 'Front-desk staff',
  attendee: 'Attendee',
};

export const isOrganiser = (role: Role | null | undefined): boolean => role === 'admin' || role === 'staff';
