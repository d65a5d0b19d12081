import { CashChange } from './CashChange';
import { useDeskPrefs } from './desk-prefs.store';
import { PaymentMethodPicker } from './PaymentMethodPicker';

/**
 * How the desk takes a payment, the same for an unpaid registration and a walk-in: the method (the
 * station's last choice) and, for cash only, what was handed over and the change. The typed amount
 * stays with the panel, which sends it on submit.
 */
export function DeskPaymentFields({ tendered, onTenderedChange, dueMinor, currency, autoFocus }: { tendered: string; onTenderedChange: (v: string) => void; dueMinor: number; currency: string; autoFocus?: boolean }) {
  const method = useDeskPrefs((s) => s.method);
  return (
    <>
      <PaymentMethodPicker />
      {method === 'cash' && <CashChange value={tendered} onChange={onTenderedChange} dueMinor={dueMinor} currency={currency} autoFocus={autoFocus} />}
    </>
  );
}
