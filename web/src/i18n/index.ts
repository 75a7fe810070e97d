import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from './vi';
import en from './en';
import workVi from './tasks.vi';
import workEn from './tasks.en';
import { setApiLanguage } from '../api/client';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi };
  }
}

export const LANG_STORAGE_KEY = 'dh_lang';
export type Lang = 'vi' | 'en';

function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

void i18n.use(initReactI18next).init({
  // `work` (processing and follow-up) is kept out of the typed default namespace: see ./work.ts.
  resources: { vi: { translation: vi, work: workVi }, en: { translation: en, work: workEn } },
  lng: storedLang(),
  fallbackLng: 'vi',
  supportedLngs: ['vi', 'en'],
  interpolation: { escapeValue: false },
  // Resources are bundled: initialise synchronously so the first render is already translated.
  initAsync: false,
});

function applyLanguage(lang: string | undefined): void {
  lang = lang === 'en' ? 'en' : 'vi';
  document.documentElement.lang = lang;
  document.title = `${i18n.t('app.name')} — ${i18n.t('app.org')}`;
  setApiLanguage(lang);
}

applyLanguage(i18n.language ?? storedLang());
i18n.on('languageChanged', applyLanguage);

export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    /* storage unavailable: the choice lasts for this page only */
  }
  void i18n.changeLanguage(lang);
}

export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'vi';
}

export default i18n;
