import { z } from 'zod';
import { safeLocale } from './time';
import { text } from './text';

/**
 * Locales a station can choose for dates and times (and amounts), by their own names. null, the
 * default, follows the computer's system language. Kept apart from the rest of the station
 * settings: it changes no data and needs no restart.
 */
export const STATION_LOCALES = [
  { value: 'en-GB', label: 'English (United Kingdom)' },
  { value: 'en-US', label: 'English (United States)' },
  { value: 'de-DE', label: 'Deutsch (Deutschland)' },
  { value: 'fr-FR', label: 'Français (France)' },
  { value: 'nl-NL', label: 'Nederlands (Nederland)' },
  { value: 'es-ES', label: 'Español (España)' },
  { value: 'it-IT', label: 'Italiano (Italia)' },
] as const;

export const stationLocaleSchema = text()
  .trim()
  .max(35)
  .refine((l) => safeLocale(l).toLowerCase() === l.toLowerCase(), { message: 'Choose a language from the list.' })
  .nullable();

export const setLocaleInput = z.object({ locale: stationLocaleSchema });
