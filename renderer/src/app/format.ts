import { useMemo } from 'react';
import { formatPrice } from '../../../shared/money';
import { formatDate, formatDateTime, formatTime, formatWallClock, formatWorkshopTime, safeLocale } from '../../../shared/time';
import { useSession } from '../features/auth/session.store';

/** The computer's own language, as the system reports it to the window. */
export const systemLocale = (): string => safeLocale(navigator.languages?.[0] ?? navigator.language);

/** The locale every date, time and amount on screen uses: the station's choice, else the system's. */
export function useLocale(): string {
  const chosen = useSession((s) => s.status?.locale ?? null);
  return chosen ? safeLocale(chosen) : systemLocale();
}

/** The shared formatters (shared/time.ts, shared/money.ts) bound to the current locale. */
export function useFormat() {
  const locale = useLocale();
  return useMemo(
    () => ({
      locale,
      date: (value: string, timeZone?: string) => formatDate(value, locale, timeZone),
      dateTime: (iso: string, timeZone?: string) => formatDateTime(iso, locale, timeZone),
      time: (iso: string, timeZone?: string) => formatTime(iso, locale, timeZone),
      wallClock: (local: string) => formatWallClock(local, locale),
      workshopTime: (startIso: string, endIso: string | null, timeZone: string) => formatWorkshopTime(startIso, endIso, timeZone, locale),
      price: (minor: number, currency: string) => formatPrice(minor, currency, locale),
    }),
    [locale],
  );
}

export type Format = ReturnType<typeof useFormat>;
