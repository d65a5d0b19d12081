import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

export const LOCAL_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export function isValidTimeZone(tz: string): boolean {
  if (!tz || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** "2026-03-29T10:00" in "Europe/Berlin" → the UTC instant (ISO). Times in a DST gap move forward. */
export function zonedLocalToUtc(local: string, tz: string): string {
  return dayjs.tz(local, 'YYYY-MM-DDTHH:mm', tz).toISOString();
}

/** The instant as wall-clock time in the zone, "YYYY-MM-DDTHH:mm" (for editing). */
export function utcToZonedLocal(iso: string, tz: string): string {
  return dayjs(iso).tz(tz).format('YYYY-MM-DDTHH:mm');
}

/**
 * "Sat, 5 Dec 2026, 10:00–13:00 CET (Europe/Berlin)": always in the workshop's own zone, with the zone
 * named, whatever the zone of the computer showing it.
 */
export function formatWorkshopTime(startIso: string, endIso: string, tz: string, locale = 'en-GB'): string {
  const day = new Intl.DateTimeFormat(locale, { timeZone: tz, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  const time = new Intl.DateTimeFormat(locale, { timeZone: tz, hour: '2-digit', minute: '2-digit' });
  const zoneName = new Intl.DateTimeFormat(locale, { timeZone: tz, timeZoneName: 'short' }).formatToParts(new Date(startIso)).find((p) => p.type === 'timeZoneName')?.value ?? tz;
  const start = new Date(startIso);
  const end = new Date(endIso);
  const sameDay = day.format(start) === day.format(end);
  const range = sameDay ? `${day.format(start)}, ${time.format(start)}–${time.format(end)}` : `${day.format(start)}, ${time.format(start)} – ${day.format(end)}, ${time.format(end)}`;
  return `${range} ${zoneName} (${tz})`;
}
