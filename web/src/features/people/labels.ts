import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../api/types';

/** Localised role name; unknown roles are shown as sent by the server. */
export function useRoleLabel(): (role: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (role: string) => ((ROLES as readonly string[]).includes(role) ? t(`role.${role as Role}`) : role),
    [t],
  );
}
