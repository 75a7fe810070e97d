import { MultiSelect, Select, type MultiSelectProps, type SelectProps } from '@mantine/core';
import { useWorkT } from '../../i18n/work';

/** A required, searchable single pick (a unit or a person) whose choice cannot be cleared. */
export function PickSelect(props: SelectProps) {
  const t = useWorkT();
  return (
    <Select
      searchable
      required
      nothingFoundMessage={t('ui.noData')}
      comboboxProps={{ withinPortal: true }}
      allowDeselect={false}
      {...props}
    />
  );
}

/** A searchable, clearable multiple pick (e.g. co-handling or informed units). */
export function PickMultiSelect(props: MultiSelectProps) {
  return <MultiSelect searchable clearable comboboxProps={{ withinPortal: true }} {...props} />;
}
