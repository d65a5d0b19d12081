/** Currencies we accept, with their number of minor-unit digits (ISO 4217). */
export const CURRENCIES = {
  EUR: 2, USD: 2, GBP: 2, CHF: 2, CAD: 2, AUD: 2, NZD: 2, SEK: 2, NOK: 2, DKK: 2, PLN: 2, CZK: 2, HUF: 2,
  JPY: 0, INR: 2, ZAR: 2, BRL: 2, MXN: 2, SGD: 2, HKD: 2,
} as const;

export type Currency = keyof typeof CURRENCIES;
export const CURRENCY_CODES = Object.keys(CURRENCIES) as Currency[];

export const isCurrency = (c: string): c is Currency => Object.hasOwn(CURRENCIES, c);

/** 2500 EUR → "€25.00"; 0 → "Free". Minor units avoid floating-point money. */
export function formatPrice(minor: number, currency: string, locale?: string): string {
  if (minor === 0) return 'Free';
  const digits = isCurrency(currency) ? CURRENCIES[currency] : 2;
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(minor / 10 ** digits);
}

/** "25.50" in EUR → 2550; null when the text is not an amount with at most the currency's decimals. */
export function parseAmountToMinor(text: string, currency: string): number | null {
  const digits = isCurrency(currency) ? CURRENCIES[currency] : 2;
  const t = text.trim().replace(',', '.');
  const re = digits === 0 ? /^\d+$/ : new RegExp(`^\\d+(\\.\\d{1,${digits}})?$`);
  if (!re.test(t)) return null;
  const [whole, frac = ''] = t.split('.');
  return Number(whole) * 10 ** digits + Number(frac.padEnd(digits, '0') || 0);
}
