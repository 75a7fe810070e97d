import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type workVi from './tasks.vi';

/**
 * Messages of the processing and follow-up screens (namespace `work`, files tasks.vi.ts / tasks.en.ts).
 * They are not declared in i18next's CustomTypeOptions: the default namespace is already as large as
 * the typed t() of some pages can check, and every extra namespace there adds to that cost. Keys are
 * typed here instead, by this small dotted-path type.
 */
type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Paths<T[K]>}`;
}[keyof T & string];

export type WorkKey = Paths<typeof workVi>;
export type WorkT = (key: WorkKey, values?: Record<string, unknown>) => string;

type UntypedT = (key: string, options: Record<string, unknown>) => string;

/** t() for the `work` namespace; re-renders on a language change like useTranslation(). */
export function useWorkT(): WorkT {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useCallback<WorkT>(
    (key, values) => (i18n.t as unknown as UntypedT)(key, { ns: 'work', lng: lang, ...values }),
    [i18n, lang],
  );
}
