import { DateInput, type DateInputProps } from '@mantine/dates';
import { parseVnDate } from '../lib/date';

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  /** YYYY-MM-DD or '' */
  value: string;
  onChange: (iso: string) => void;
};

/** A calendar date typed or picked as dd/MM/yyyy whatever the browser's language; the value is YYYY-MM-DD. */
export function DateField({ value, onChange, ...rest }: Props) {
  return (
    <DateInput
      {...rest}
      value={value || null}
      onChange={(v) => onChange(v ? String(v).slice(0, 10) : '')}
      valueFormat="DD/MM/YYYY"
      dateParser={(text) => parseVnDate(text)}
      placeholder={rest.placeholder ?? 'dd/mm/yyyy'}
      clearable={rest.clearable ?? true}
      popoverProps={{ withinPortal: true, ...rest.popoverProps }}
    />
  );
}
