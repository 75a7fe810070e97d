import { useState, type FormEvent } from 'react';
import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { useLogin, useSession } from './session';
import { useErrorMessage } from '../../components/QueryError';
import { LanguageToggle } from '../../components/layout/LanguageToggle';
import { FullPageLoader } from '../../components/FullPageLoader';

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const login = useLogin();
  const errorMessage = useErrorMessage();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);

  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (session.isPending) return <FullPageLoader />;
  if (session.data) return <Navigate to={from === '/login' ? '/' : from} replace />;

  const usernameError =
    touched && !username.trim() ? t('auth.required', { field: t('auth.username').toLowerCase() }) : null;
  const passwordError = touched && !password ? t('auth.required', { field: t('auth.password').toLowerCase() }) : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!username.trim() || !password) return;
    login.mutate({ username: username.trim(), password });
  };

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={400} maw="100%">
        <form onSubmit={onSubmit} noValidate data-testid="login-form">
          <Stack>
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={2}>{t('app.name')}</Title>
                <Text size="sm" c="dimmed">
                  {t('app.office')}
                </Text>
              </div>
              <LanguageToggle />
            </Group>
            <Text size="sm">{t('auth.subtitle')}</Text>
            {login.isError && (
              <Alert color="red" role="alert" data-testid="login-error">
                {errorMessage(login.error)}
              </Alert>
            )}
            <TextInput
              label={t('auth.username')}
              name="username"
              autoComplete="username"
              autoFocus
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              error={usernameError}
              data-testid="login-username"
            />
            <PasswordInput
              label={t('auth.password')}
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={passwordError}
              data-testid="login-password"
            />
            <Button type="submit" loading={login.isPending} data-testid="login-submit" fullWidth>
              {t('auth.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
