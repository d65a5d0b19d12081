import { DatesProvider } from '@mantine/dates';
import { useEffect, useState, type ReactNode } from 'react';
import { useLocale } from './format';

// Month and weekday names of the calendars come from dayjs's locale files: each is its own small
// chunk, loaded only when a station uses that language.
const DAYJS_LOCALES = import.meta.glob('../../../node_modules/dayjs/locale/*.js');
const dayjsFile = (name: string) => `../../../node_modules/dayjs/locale/${name}.js`;

/** Loads dayjs's locale for a BCP 47 tag ("de-DE" → "de-de" if it exists, else "de"); English if none. */
async function loadDayjsLocale(locale: string): Promise<string> {
  const tag = locale.toLowerCase();
  for (const name of [tag, tag.split('-')[0]!]) {
    const load = DAYJS_LOCALES[dayjsFile(name)];
    if (load) {
      await load();
      return name;
    }
  }
  return 'en';
}

/** Monday or Sunday (or …) first, as people of this locale expect their calendars. */
function firstDayOfWeek(locale: string): 0 | 1 | 2 | 3 | 4 | 5 | 6 {
  const l = new Intl.Locale(locale) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
  const firstDay = l.getWeekInfo?.().firstDay ?? l.weekInfo?.firstDay ?? 1;
  return (firstDay % 7) as 0 | 1 | 2 | 3 | 4 | 5 | 6;
}

/** Gives every date picker the app's locale: its month names, its first day of the week. */
export function DatesLocale({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const [dayjsLocale, setDayjsLocale] = useState('en');
  useEffect(() => {
    let current = true;
    void loadDayjsLocale(locale).then((name) => current && setDayjsLocale(name));
    return () => {
      current = false;
    };
  }, [locale]);
  return <DatesProvider settings={{ locale: dayjsLocale, firstDayOfWeek: firstDayOfWeek(locale), consistentWeeks: true }}>{children}</DatesProvider>;
}
