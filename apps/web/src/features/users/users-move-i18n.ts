import { addTexts } from '../../app/add-texts.ts';

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

addTexts(USERS_MOVE_NS, vi, en);
