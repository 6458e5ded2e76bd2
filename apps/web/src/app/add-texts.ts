import i18next from 'i18next';

type Tree = { [k: string]: string | Tree };

/**
 * Adds a namespace's Vietnamese and English texts, once, as soon as i18next is initialised (a feature's text
 * module may load before that).
 */
export function addTexts(ns: string, vi: object, en: object) {
  const add = () => {
    if (!i18next.isInitialized || !i18next.store) {
      i18next.on('initialized', add);
      return;
    }
    if (i18next.hasResourceBundle('vi', ns)) return;
    i18next.addResourceBundle('vi', ns, vi as Tree, true, true);
    i18next.addResourceBundle('en', ns, en as Tree, true, true);
  };
  add();
}
