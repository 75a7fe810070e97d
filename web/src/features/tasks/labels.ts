import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import vi from '../../i18n/vi';
import workVi from '../../i18n/tasks.vi';
import { useWorkT, type WorkKey } from '../../i18n/work';

/** Mantine colours for the deadline state of a task (and the inbox's colour field). */
export const DEADLINE_COLOR: Record<string, string> = {
  overdue: 'red',
  near: 'orange',
  ok: 'green',
  none: 'gray',
  red: 'red',
  orange: 'orange',
  green: 'green',
  grey: 'gray',
  gray: 'gray',
};

export const STATUS_COLOR: Record<string, string> = {
  open: 'blue',
  in_progress: 'cyan',
  done: 'green',
  returned: 'orange',
  cancelled: 'gray',
};

const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** Localised labels for task and handling enums; unknown codes are shown as sent. */
export function useTaskLabels() {
  const t = useWorkT();
  const { t: tDefault } = useTranslation();
  const section = useCallback(
    (name: 'taskStatus' | 'deadlineState' | 'handlingState' | 'handlingStep' | 'conclusionFlag', code: string) =>
      has(workVi[name], code) ? t(`${name}.${code}` as WorkKey) : null,
    [t],
  );
  const status = useCallback((s: string) => section('taskStatus', s) ?? s, [section]);
  const deadlineState = useCallback((s: string) => section('deadlineState', s) ?? s, [section]);
  const handlingState = useCallback((s: string) => section('handlingState', s) ?? s, [section]);
  const step = useCallback(
    (s: string) =>
      section('handlingStep', s) ??
      (has(vi.traceAction, s) ? tDefault(`traceAction.${s as keyof typeof vi.traceAction}`) : s),
    [section, tDefault],
  );
  const flag = useCallback(
    (code: string, message?: string) => section('conclusionFlag', code) ?? message ?? code,
    [section],
  );
  return { status, deadlineState, handlingState, step, flag };
}
