import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocType } from '../../api/types';
import vi from '../../i18n/vi';

/** Badge colours by urgency (0 thường … 4 hỏa tốc hẹn giờ). */
export const URGENCY_COLOR = ['gray', 'yellow', 'orange', 'red', 'red'] as const;
/** Badge colours by secrecy (0 thường … 3 tuyệt mật). */
export const SECRECY_COLOR = ['gray', 'grape', 'violet', 'dark'] as const;
export const STATUS_COLOR: Record<string, string> = {
  registered: 'blue',
  draft: 'gray',
  signed: 'cyan',
  issued: 'teal',
  released: 'green',
  recalled: 'orange',
  cancelled: 'red',
};

type TraceKey = keyof typeof vi.traceAction;
type StatusKey = keyof typeof vi.docStatus;
type SourceKey = keyof typeof vi.docSource;
const has = <T extends object>(o: T, k: string): k is Extract<keyof T, string> =>
  Object.prototype.hasOwnProperty.call(o, k);

/** Localised labels for the document enums; unknown codes are shown as sent. */
export function useDocLabels() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const urgency = useCallback(
    (n: number) => (n >= 0 && n <= 4 ? t(`urgency.${n as 0 | 1 | 2 | 3 | 4}`) : String(n)),
    [t],
  );
  const secrecy = useCallback((n: number) => (n >= 0 && n <= 3 ? t(`secrecy.${n as 0 | 1 | 2 | 3}`) : String(n)), [t]);
  const status = useCallback((s: string) => (has(vi.docStatus, s) ? t(`docStatus.${s as StatusKey}`) : s), [t]);
  const action = useCallback((a: string) => (has(vi.traceAction, a) ? t(`traceAction.${a as TraceKey}`) : a), [t]);
  const source = useCallback((s: string) => (has(vi.docSource, s) ? t(`docSource.${s as SourceKey}`) : s), [t]);
  const typeName = useCallback((type: DocType) => (en ? type.nameEn : type.name), [en]);
  return { urgency, secrecy, status, action, source, typeName };
}

/** "KT." + "Phó Chủ tịch" + "Nguyễn Văn A" → "KT. Phó Chủ tịch Nguyễn Văn A". */
export function signerText(s: { form: string | null; position: string | null; name: string | null }): string {
  return [s.form, s.position, s.name].filter((x) => x && x.trim()).join(' ');
}

/** Human file size: 1.2 MB, 340 KB. */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
