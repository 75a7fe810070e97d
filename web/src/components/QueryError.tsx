import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';

/** The message of any error in the interface language. */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error) => {
    if (isApiError(error)) return error.localized(i18n.language);
    return t('common.error');
  };
}

export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return (
    <Alert color="red" title={t('common.error')} role="alert" data-testid="query-error">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{message(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
