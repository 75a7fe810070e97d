import { Alert, Group, Loader, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IncomingInput } from '../../api/types';
import { useErrorMessage } from '../../components/QueryError';
import { useRoutePreview } from './queries';
import { RouteDetails } from './RouteDetails';

/** The route the document would get, recomputed as the clerk fills the form (`input` null: not enough yet). */
export function RoutePreview({ input }: { input: IncomingInput | null }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const preview = useRoutePreview(input);
  const data = input ? preview.data : undefined;

  return (
    <Paper withBorder p="sm" data-testid="route-preview" data-state={!input ? 'idle' : preview.status}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={5}>{t('route.preview')}</Title>
        {input && preview.isFetching && (
          <Group gap={4} wrap="nowrap">
            <Loader size="xs" />
            <Text size="xs" c="dimmed">
              {t('route.previewUpdating')}
            </Text>
          </Group>
        )}
      </Group>
      {!input && (
        <Text size="sm" c="dimmed" data-testid="route-preview-hint">
          {t('route.previewHint')}
        </Text>
      )}
      {input && preview.isError && (
        <Alert color="red" data-testid="route-preview-error">
          {t('route.previewError', { message: errorMessage(preview.error) })}
        </Alert>
      )}
      {data && (
        <>
          <RouteDetails route={data} compact />
          <Text size="xs" c="dimmed" mt={4}>
            {t('route.previewNote')}
          </Text>
        </>
      )}
    </Paper>
  );
}
