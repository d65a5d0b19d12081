import { describe, expect, it } from 'vitest';
import { formatWorkshopTime, isValidTimeZone, utcToZonedLocal, zonedLocalToUtc } from './time';

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

  it('knows valid zones', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
