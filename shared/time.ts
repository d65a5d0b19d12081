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

/*
 * The app's one way to show a date or a time to a person. Every screen goes through these, with the
 * locale the station uses (its own setting, else the system's), so the same instant reads the same
 * everywhere: "1 Dec 2026, 20:13" in en-GB, "Dec 1, 2026, 08:13 PM" in en-US, "1. Dez. 2026, 20:13"
 * in de-DE. Day, short month name and year; hours and minutes, never seconds.
 */
const DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

const formats = new Map<string, Intl.DateTimeFormat>();
/** Intl formatters are costly to build and lists format hundreds of rows: one per kind, kept. */
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(safeLocale(locale), options);
    formats.set(key, f);
  }
  return f;
}

/** A locale Intl knows, or British English: an unknown or mistyped setting never breaks a screen. */
export function safeLocale(locale: string | null | undefined): string {
  try {
    return (locale && Intl.DateTimeFormat.supportedLocalesOf(locale)[0]) || 'en-GB';
  } catch {
    return 'en-GB';
  }
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "1 Dec 2026". A calendar date ("2026-12-01") is that day wherever the viewer is; an instant is
 * the day it falls on in `timeZone` (default: the viewer's).
 */
export function formatDate(value: string, locale: string, timeZone?: string): string {
  if (CALENDAR_DATE.test(value)) return formatter(locale, { ...DAY, timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
  return formatter(locale, { ...DAY, timeZone }).format(new Date(value));
}

/** "1 Dec 2026, 20:13": an instant, in `timeZone` (default: the viewer's). */
export function formatDateTime(iso: string, locale: string, timeZone?: string): string {
  return formatter(locale, { ...DAY, ...TIME, timeZone }).format(new Date(iso));
}

/** "20:13": the time of day of an instant, in `timeZone` (default: the viewer's). */
export function formatTime(iso: string, locale: string, timeZone?: string): string {
  return formatter(locale, { ...TIME, timeZone }).format(new Date(iso));
}

/** "6 Mar 2027, 14:00" for a wall-clock time as typed for a workshop ("2027-03-06T14:00" or "2027-03-06 14:00:00"). */
export function formatWallClock(local: string, locale: string): string {
  return formatter(locale, { ...DAY, ...TIME, timeZone: 'UTC' }).format(new Date(`${local.slice(0, 16).replace(' ', 'T')}:00Z`));
}

/**
 * "Sat, 5 Dec 2026, 10:00–13:00 CET (Europe/Berlin)": always in the workshop's own zone, with the zone
 * named, whatever the zone of the computer showing it. Without an end, only the start.
 */
export function formatWorkshopTime(startIso: string, endIso: string | null, tz: string, locale: string): string {
  const day = formatter(locale, { ...DAY, weekday: 'short', timeZone: tz });
  const time = formatter(locale, { ...TIME, timeZone: tz });
  const zoneName = formatter(locale, { timeZone: tz, timeZoneName: 'short' }).formatToParts(new Date(startIso)).find((p) => p.type === 'timeZoneName')?.value ?? tz;
  const start = new Date(startIso);
  if (endIso === null) return `${day.format(start)}, ${time.format(start)} ${zoneName} (${tz})`;
  const end = new Date(endIso);
  const sameDay = day.format(start) === day.format(end);
  const range = sameDay ? `${day.format(start)}, ${time.format(start)}–${time.format(end)}` : `${day.format(start)}, ${time.format(start)} – ${day.format(end)}, ${time.format(end)}`;
  return `${range} ${zoneName} (${tz})`;
}

/** "2026-12-01 20:13": an instant as wall-clock time in a zone, to the minute, for files (CSV) that spreadsheets sort and read as dates. */
export function zonedMinute(iso: string, tz: string): string {
  const p: Record<string, string> = {};
  for (const part of minuteFormat(tz).formatToParts(new Date(iso))) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

// Exports convert every row's time: one formatter per zone, kept (making one costs more than using it).
const minuteFormats = new Map<string, Intl.DateTimeFormat>();
function minuteFormat(tz: string): Intl.DateTimeFormat {
  let f = minuteFormats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    minuteFormats.set(tz, f);
  }
  return f;
}
