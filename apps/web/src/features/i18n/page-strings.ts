// The pages' strings (everything but the sign-in page and the app's frame), fetched with the app
// shell and the public link pages rather than with the sign-in page: English always (the fallback),
// plus the language in use; another language is fetched when someone switches to it.
import i18n from 'i18next';
import type { Locale } from './i18n';

const PAGES: Record<Locale, () => Promise<object>> = {
  en: async () => (await import('./locales/en')).enPages,
  de: async () => (await import('./locales/de')).dePages,
};

const loaded = new Map<Locale, Promise<void>>();

function load(locale: Locale): Promise<void> {
  let done = loaded.get(locale);
  if (!done) {
    done = PAGES[locale]().then((strings) => {
      i18n.addResourceBundle(locale, 'translation', strings, true, true);
    });
    // A failed fetch may be retried by the next page that asks.
    done.catch(() => loaded.delete(locale));
    loaded.set(locale, done);
  }
  return done;
}

/** Resolves once the pages' strings for `locale` (and English) are in i18next. */
export async function loadPageStrings(locale: Locale): Promise<void> {
  await Promise.all([load('en'), load(locale)]);
}

/** True once some page asked for the pages' strings (a language switch then fetches its own). */
export function pageStringsWanted(): boolean {
  return loaded.size > 0;
}
