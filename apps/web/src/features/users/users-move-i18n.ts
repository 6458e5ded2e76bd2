import i18next from 'i18next';

// Texts of moving an account to another unit (its own namespace 'usersMove'). Vietnamese is the reference;
// English has the same keys.

const vi = {
  action: 'Chuyển đơn vị',
  title: 'Chuyển tài khoản {{username}} sang đơn vị khác',
  intro:
    'Từ hôm nay tài khoản làm việc tại đơn vị mới. Số liệu cán bộ của các kỳ trước vẫn tính theo đơn vị cũ.',
  current: 'Đơn vị hiện tại: {{name}}',
  submit: 'Chuyển đơn vị',
  same: 'Chọn một đơn vị khác đơn vị hiện tại',
  done: 'Đã chuyển {{username}} sang {{name}}',
};

const en: typeof vi = {
  action: 'Move to another unit',
  title: 'Move the account {{username}} to another unit',
  intro:
    "From today the account works in the new unit. Past periods' staff figures still count it in the old one.",
  current: 'Current unit: {{name}}',
  submit: 'Move',
  same: 'Choose a unit other than the current one',
  done: '{{username}} moved to {{name}}',
};

export const USERS_MOVE_NS = 'usersMove';

/** Registers the namespace once, as soon as i18next is initialised (this module may load before that). */
export function registerUsersMoveI18n() {
  if (!i18next.isInitialized || !i18next.store) {
    i18next.on('initialized', registerUsersMoveI18n);
    return;
  }
  if (i18next.hasResourceBundle('vi', USERS_MOVE_NS)) return;
  i18next.addResourceBundle('vi', USERS_MOVE_NS, vi, true, true);
  i18next.addResourceBundle('en', USERS_MOVE_NS, en, true, true);
}

registerUsersMoveI18n();
