// Keys passed to t() are checked against the English dictionary (typos do not compile).
import 'i18next';
import type { English } from './locales/en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: English };
  }
}
