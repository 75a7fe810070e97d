import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Flow } from '../../api/types';
import vi from '../../i18n/vi';
import { useFields, useUnits } from '../units/queries';
import type { SummaryVocab } from './summary';

/** Badge colour of each flow. */
export const FLOW_COLOR: Record<Flow, string> = {
  SUBMIT_TO_LEADER: 'blue',
  SEND_TO_AGENCY_FOR_ADVICE: 'orange',
  HANDLE_IN_OFFICE: 'teal',
  FOR_INFORMATION: 'gray',
  RETURN_TO_SENDER: 'red',
};

export const flowColor = (flow: string): string => FLOW_COLOR[flow as Flow] ?? 'gray';

const has = <T extends object>(o: T, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** Localised labels for the routing vocabularies; unknown codes are shown as sent. */
export function useRoutingLabels() {
  const { t, i18n } = useTranslation();
  const fields = useFields();
  const en = i18n.language === 'en';

  const flow = useCallback((c: string) => (has(vi.flow, c) ? t(`flow.${c as keyof typeof vi.flow}`) : c), [t]);
  const senderLevel = useCallback(
    (c: string) => (has(vi.senderLevel, c) ? t(`senderLevel.${c as keyof typeof vi.senderLevel}`) : c),
    [t],
  );
  const requestKind = useCallback(
    (c: string) => (has(vi.requestKind, c) ? t(`requestKind.${c as keyof typeof vi.requestKind}`) : c),
    [t],
  );
  const competence = useCallback(
    (c: string) => (has(vi.competence, c) ? t(`competence.${c as keyof typeof vi.competence}`) : c),
    [t],
  );
  const referenceKind = useCallback(
    (c: string) => (has(vi.referenceKind, c) ? t(`referenceKind.${c as keyof typeof vi.referenceKind}`) : c),
    [t],
  );
  const fieldSource = useCallback(
    (c: string) => (has(vi.fieldSource, c) ? t(`fieldSource.${c as keyof typeof vi.fieldSource}`) : c),
    [t],
  );
  /** A flag's short label; a policy's own codes are shown as written. */
  const flag = useCallback((c: string) => (has(vi.flag, c) ? t(`flag.${c as keyof typeof vi.flag}`) : c), [t]);
  const part = useCallback(
    (c: string) => (has(vi.routePart, c) ? t(`routePart.${c as keyof typeof vi.routePart}`) : c),
    [t],
  );
  const field = useCallback(
    (code: string | null | undefined) => {
      if (!code) return '';
      const f = fields.data?.items.find((x) => x.code === code);
      return f ? (en && f.nameEn ? f.nameEn : f.name) : code;
    },
    [fields.data, en],
  );
  return useMemo(
    () => ({ flow, senderLevel, requestKind, competence, referenceKind, fieldSource, flag, part, field }),
    [flow, senderLevel, requestKind, competence, referenceKind, fieldSource, flag, part, field],
  );
}

/** Everything the condition and action summaries need, in the interface language. */
export function useSummaryVocab(): SummaryVocab {
  const { t } = useTranslation();
  const labels = useRoutingLabels();
  const units = useUnits();
  return useMemo(() => {
    const unitByCode = new Map((units.data?.items ?? []).map((u) => [u.code, u.name]));
    return {
      phrase: (key, vars) => t(`summary.${key}`, vars ?? {}),
      flow: labels.flow,
      senderLevel: labels.senderLevel,
      requestKind: labels.requestKind,
      competence: labels.competence,
      field: labels.field,
      flag: labels.flag,
      unit: (code) => unitByCode.get(code) ?? code,
      urgency: (n) => (n >= 0 && n <= 4 ? t(`urgency.${n as 0 | 1 | 2 | 3 | 4}`) : String(n)),
      secrecy: (n) => (n >= 0 && n <= 3 ? t(`secrecy.${n as 0 | 1 | 2 | 3}`) : String(n)),
    };
  }, [t, labels, units.data]);
}
