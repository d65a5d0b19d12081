import { DatePickerInput, DateTimePicker, type DatePickerInputProps, type DateTimePickerProps } from '@mantine/dates';
import { useId } from 'react';
import { useFormat, type Format } from './format';

// Names for the calendars' arrow buttons: without them a screen reader hears just "button". The
// month and year buttons between them keep their visible text ("March 2027") as their name.
const CALENDAR_LABELS = {
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  previousYear: 'Previous year',
  nextYear: 'Next year',
  previousDecade: 'Previous decade',
  nextDecade: 'Next decade',
};

const dayLabel = (format: Format) => (day: string) => format.date(day.slice(0, 10));

/**
 * Mantine 9.7 names the calendar's dialog by its popover's id (the target's id), but the field gives
 * that button an id of its own, so the dialog had no name: one id for both.
 */
function usePickerIds() {
  const id = useId();
  return { id, popoverId: id };
}

type DateFieldProps = Omit<DatePickerInputProps, 'value' | 'onChange' | 'type' | 'defaultValue' | 'id'> & { value: string | null; onChange: (value: string | null) => void };

/** A calendar date ("YYYY-MM-DD"), picked from a calendar and shown in the station's date format. */
export function DateField({ value, onChange, ...props }: DateFieldProps) {
  const format = useFormat();
  const ids = usePickerIds();
  return (
    <DatePickerInput
      clearable
      clearButtonProps={{ 'aria-label': `Clear ${typeof props.label === 'string' ? props.label : 'date'}` }}
      {...props}
      value={value}
      onChange={(v) => onChange(v ? String(v).slice(0, 10) : null)}
      valueFormatter={({ date }) => (date ? format.date(String(date).slice(0, 10)) : '')}
      getDayAriaLabel={dayLabel(format)}
      ariaLabels={CALENDAR_LABELS}
      id={ids.id}
      popoverProps={{ ...props.popoverProps, id: ids.popoverId }}
    />
  );
}

type DateTimeFieldProps = Omit<DateTimePickerProps, 'value' | 'onChange' | 'type' | 'defaultValue' | 'id'> & { value?: string; onChange: (value: string) => void };

const uses12Hours = (locale: string) => ['h11', 'h12'].includes(new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle ?? '');

/**
 * A wall-clock date and time ("YYYY-MM-DDTHH:mm", as the workshop schemas take it, in the
 * workshop's own zone), picked from a calendar and typed hours and minutes.
 */
export function DateTimeField({ value, onChange, ...props }: DateTimeFieldProps) {
  const format = useFormat();
  const ids = usePickerIds();
  return (
    <DateTimePicker
      {...props}
      id={ids.id}
      popoverProps={{ ...props.popoverProps, id: ids.popoverId }}
      value={value ? `${value.replace('T', ' ')}:00` : null}
      onChange={(v) => onChange(v ? String(v).slice(0, 16).replace(' ', 'T') : '')}
      valueFormat={(v) => format.wallClock(v)}
      getDayAriaLabel={dayLabel(format)}
      ariaLabels={CALENDAR_LABELS}
      timePickerProps={{ format: uses12Hours(format.locale) ? '12h' : '24h', hoursInputLabel: 'Hours', minutesInputLabel: 'Minutes', amPmInputLabel: 'AM or PM' }}
      submitButtonProps={{ 'aria-label': 'Use this date and time' }}
    />
  );
}
