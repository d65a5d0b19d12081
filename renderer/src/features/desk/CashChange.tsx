import { Text, TextInput } from '@mantine/core';
import { parseAmountToMinor } from '../../../../shared/money';
import { useFormat } from '../../app/format';

/** The cash handed over, in minor units (undefined until it is a valid amount), and the change to give. */
export function tenderedOf(text: string, currency: string): number | undefined {
  return parseAmountToMinor(text, currency) ?? undefined;
}

export function CashChange({ value, onChange, dueMinor, currency, autoFocus }: { value: string; onChange: (v: string) => void; dueMinor: number; currency: string; autoFocus?: boolean }) {
  const fmt = useFormat();
  const tendered = value.trim() ? parseAmountToMinor(value, currency) : null;
  const short = tendered !== null && tendered < dueMinor;
  const error = value.trim() && tendered === null ? 'Type an amount, like 20 or 20.50.' : short ? `That is less than the ${fmt.price(dueMinor, currency)} due.` : null;
  return (
    <>
      <TextInput label="Cash handed over (optional)" inputMode="decimal" value={value} onChange={(e) => onChange(e.currentTarget.value)} error={error} autoFocus={autoFocus} data-autofocus={autoFocus || undefined} />
      {tendered !== null && !short && (
        <Text fz="xl" fw={700} data-testid="change-due">
          Change: {tendered === dueMinor ? 'none' : fmt.price(tendered - dueMinor, currency)}
        </Text>
      )}
    </>
  );
}
