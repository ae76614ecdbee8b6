// The app's strings and locale: i18next with the sign-in page's strings in English and German
// bundled (small, and no request before the first paint); the pages' strings arrive with the app
// shell (page-strings.ts). The choice is remembered on this device; the first visit follows the
// browser. <html lang> follows the choice, so screen readers pronounce the right language.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { deCore } from './locales/de-core';
import { enCore } from './locales/en-core';
import { loadPageStrings, pageStringsWanted } from './page-strings';

export const LOCALES = [
  { code: 'en', name: 'English' },
  { code: 'de', name: 'Deutsch' },
] as const;
export type Locale = (typeof LOCALES)[number]['code'];

const STORAGE_KEY = 's3am.locale';

function isLocale(value: string | null | undefined): value is Locale {
  return LOCALES.some((locale) => locale.code === value);
}

function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage may be off (private mode); the browser's language still decides.
  }
  const browser = navigator.language.slice(0, 2).toLowerCase();
  return isLocale(browser) ? browser : 'en';
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources: { en: { translation: enCore }, de: { translation: deCore } },
  // The pages' strings are added to these later (page-strings.ts).
  partialBundledLanguages: true,
  lng: initialLocale(),
  fallbackLng: 'en',
  supportedLngs: LOCALES.map((locale) => locale.code),
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  // Bundled resources: ready before the first render.
  initAsync: false,
});

export function currentLocale(): Locale {
  const language = i18n.resolvedLanguage;
  return isLocale(language) ? language : 'en';
}

export async function setLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered then; the switch still applies to this page.
  }
  // Inside the app, the pages' strings in that language first: no page shows its keys meanwhile.
  if (pageStringsWanted()) await loadPageStrings(locale);
  await i18n.changeLanguage(locale);
}

export { i18n };
