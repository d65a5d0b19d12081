import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatWallClock, formatWorkshopTime, isValidTimeZone, safeLocale, utcToZonedLocal, zonedLocalToUtc, zonedMinute } from './time';

dayjs.extend(utc);
dayjs.extend(timezone);

describe('workshop times', () => {
  it('converts wall-clock time in the workshop zone to UTC on both sides of a DST change', () => {
    // Europe/Berlin switches to summer time on 29 March 2026 at 02:00.
    expect(zonedLocalToUtc('2026-03-28T10:00', 'Europe/Berlin')).toBe('2026-03-28T09:00:00.000Z');
    expect(zonedLocalToUtc('2026-03-29T10:00', 'Europe/Berlin')).toBe('2026-03-29T08:00:00.000Z');
    expect(utcToZonedLocal('2026-03-29T08:00:00.000Z', 'Europe/Berlin')).toBe('2026-03-29T10:00');
    // New York switches back on 1 November 2026.
    expect(zonedLocalToUtc('2026-11-01T09:00', 'America/New_York')).toBe('2026-11-01T14:00:00.000Z');
  });

  it('shows a workshop in its own zone, named, whatever the viewer\'s zone', () => {
    expect(formatWorkshopTime('2026-03-28T09:00:00.000Z', '2026-03-28T12:00:00.000Z', 'Europe/Berlin', 'en-GB')).toBe('Sat, 28 Mar 2026, 10:00–13:00 CET (Europe/Berlin)');
    expect(formatWorkshopTime('2026-03-29T08:00:00.000Z', '2026-03-29T11:00:00.000Z', 'Europe/Berlin', 'en-GB')).toBe('Sun, 29 Mar 2026, 10:00–13:00 CEST (Europe/Berlin)');
    // A workshop crossing the change: its end is shown in the new offset.
    expect(formatWorkshopTime('2026-03-29T00:30:00.000Z', '2026-03-29T01:30:00.000Z', 'Europe/Berlin', 'en-GB')).toBe('Sun, 29 Mar 2026, 01:30–03:30 CET (Europe/Berlin)');
  });

  it('says only the start when there is no end (a list of requests)', () => {
    expect(formatWorkshopTime('2026-03-28T09:00:00.000Z', null, 'Europe/Berlin', 'en-GB')).toBe('Sat, 28 Mar 2026, 10:00 CET (Europe/Berlin)');
  });

  it('writes dates and times one way in a locale: day, short month, year; hours and minutes, no seconds', () => {
    const instant = '2026-12-01T19:13:45.000Z';
    expect(formatDateTime(instant, 'en-GB', 'Europe/Berlin')).toBe('1 Dec 2026, 20:13');
    expect(formatDateTime(instant, 'en-US', 'Europe/Berlin')).toBe('Dec 1, 2026, 08:13 PM');
    expect(formatDateTime(instant, 'de-DE', 'Europe/Berlin')).toBe('1. Dez. 2026, 20:13');
    expect(formatDate(instant, 'en-GB', 'Europe/Berlin')).toBe('1 Dec 2026');
    // The same instant is already the next day in Tokyo.
    expect(formatDate('2026-12-01T19:13:45.000Z', 'en-GB', 'Asia/Tokyo')).toBe('2 Dec 2026');
    // A calendar date is that day, whatever the zone of the computer.
    expect(formatDate('2026-12-01', 'en-GB')).toBe('1 Dec 2026');
    expect(formatWallClock('2027-03-06T14:00', 'en-GB')).toBe('6 Mar 2027, 14:00');
    expect(formatWallClock('2027-03-06 14:00:00', 'en-US')).toBe('Mar 6, 2027, 02:00 PM');
  });

  it('falls back to British English for a locale it does not know, rather than failing', () => {
    expect(safeLocale('xx-invalid-!')).toBe('en-GB');
    expect(safeLocale(null)).toBe('en-GB');
    expect(safeLocale('fr-FR')).toBe('fr-FR');
    expect(formatDate('2026-12-01', 'not a locale')).toBe('1 Dec 2026');
  });

  it('gives files the wall-clock minute in the workshop zone', () => {
    expect(zonedMinute('2026-12-01T19:13:45.678Z', 'Europe/London')).toBe('2026-12-01 19:13');
    expect(zonedMinute('2026-07-01T19:13:45.678Z', 'Europe/London')).toBe('2026-07-01 20:13');
    // Midnight is 00, not 24; zones with half and quarter hours; the hour a clock goes back, twice.
    expect(zonedMinute('2026-12-31T23:30:00.000Z', 'Europe/Berlin')).toBe('2027-01-01 00:30');
    expect(zonedMinute('2026-12-01T10:00:00.000Z', 'Asia/Kathmandu')).toBe('2026-12-01 15:45');
    expect(zonedMinute('2026-10-25T00:30:00.000Z', 'Europe/Berlin')).toBe('2026-10-25 02:30');
    expect(zonedMinute('2026-10-25T01:30:00.000Z', 'Europe/Berlin')).toBe('2026-10-25 02:30');
  });

  it('gives the same wall-clock minute as the date library, for any instant in any zone', () => {
    const zones = ['Europe/Berlin', 'America/Los_Angeles', 'Pacific/Auckland', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns', 'UTC'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom(...zones), (t, zone) => {
        const iso = new Date(t).toISOString();
        expect(zonedMinute(iso, zone)).toBe(dayjs(iso).tz(zone).format('YYYY-MM-DD HH:mm'));
      }),
      { numRuns: 2000 },
    );
  });

  it('knows valid zones', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
