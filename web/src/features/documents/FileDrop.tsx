import { useRef, useState, type DragEvent } from 'react';
import { Button, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const DOCUMENT_ACCEPT =
  '.pdf,.png,.jpg,.jpeg,.docx,application/pdf,image/png,image/jpeg,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

interface Props {
  onFiles: (files: File[]) => void;
  multiple?: boolean;
  label?: string;
  buttonLabel?: string;
  disabled?: boolean;
  testId: string;
}

/** A drop zone with a file button (no extra dependency); the hidden input is what tests drive. */
export function FileDrop({ onFiles, multiple = false, label, buttonLabel, disabled, testId }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const take = (list: FileList | null) => {
    const files = Array.from(list ?? []);
    if (files.length) onFiles(multiple ? files : files.slice(0, 1));
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (!disabled) take(e.dataTransfer.files);
  };

  return (
    <Paper
      withBorder
      p="lg"
      data-testid={testId}
      data-over={over || undefined}
      className="dh-drop"
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <Group justify="center" gap="sm">
        <Text size="sm" c="dimmed" ta="center">
          {label ?? t('incoming.drop')}
        </Text>
        <Button size="xs" variant="light" disabled={disabled} onClick={() => input.current?.click()}>
          {buttonLabel ?? t('incoming.choose')}
        </Button>
      </Group>
      <input
        ref={input}
        type="file"
        hidden
        multiple={multiple}
        accept={DOCUMENT_ACCEPT}
        data-testid={`${testId}-input`}
        onChange={(e) => {
          take(e.currentTarget.files);
          e.currentTarget.value = '';
        }}
      />
    </Paper>
  );
}
