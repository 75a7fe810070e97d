import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" data-testid="not-found">
      <Text>{t('app.notFound')}</Text>
      <Button component={Link} to="/" variant="light">
        {t('app.backHome')}
      </Button>
    </Stack>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" data-testid="forbidden">
      <Text>{t('app.forbidden')}</Text>
      <Button component={Link} to="/" variant="light">
        {t('app.backHome')}
      </Button>
    </Stack>
  );
}
