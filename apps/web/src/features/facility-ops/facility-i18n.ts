import i18next from 'i18next';
import * as board from './facility-i18n-board.ts';
import * as classes from './facility-i18n-classes.ts';
import * as resident from './facility-i18n-resident.ts';

// Texts of the rehab facility's daily work (board, admission, resident page, classes, dashboard), in their own
// i18next namespace 'facility', kept in three files by page group. Vietnamese is the reference; English has the
// same keys.

const vi = { ...board.vi, ...resident.vi, ...classes.vi };
const en: typeof vi = { ...board.en, ...resident.en, ...classes.en };

/** Registers the namespace once, as soon as i18next is initialised (this module may load before that). */
function register() {
  if (!i18next.isInitialized || !i18next.store) {
    i18next.on('initialized', register);
    return;
  }
  if (i18next.hasResourceBundle('vi', 'facility')) return;
  i18next.addResourceBundle('vi', 'facility', vi, true, true);
  i18next.addResourceBundle('en', 'facility', en, true, true);
}

register();
