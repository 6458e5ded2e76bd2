import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { vi } from './vi.ts';

export type Lang = 'vi' | 'en';
export const LANGS: Lang[] = ['vi', 'en'];
const STORAGE_KEY = 'hoanhap.lang';

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

// The English texts of the app's own namespace load when English is chosen (a slow link's first visit is
// Vietnamese); the areas' namespaces carry both languages.
let english: Promise<void> | null = null;
function loadEnglish() {
  english ??= import('./en.ts').then(({ en }) => {
    i18next.addResourceBundle('en', 'translation', en, true, true);
  });
  return english;
}

/** Vietnamese by default; the choice persists in localStorage and drives <html lang>. */
export async function initI18n() {
  const lng = storedLang();
  document.documentElement.lang = lng;
  i18next.on('languageChanged', (l) => {
    document.documentElement.lang = l;
  });
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'vi',
    resources: { vi: { translation: vi } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  if (lng === 'en') await loadEnglish();
}

export async function setLang(lang: Lang) {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  if (lang === 'en') await loadEnglish();
  await i18next.changeLanguage(lang);
}

export const currentLang = (): Lang => (i18next.language === 'en' ? 'en' : 'vi');
