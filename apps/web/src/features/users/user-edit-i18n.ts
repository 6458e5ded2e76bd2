import { addTexts } from '../../app/add-texts.ts';

// Texts of editing an account's name, role and phone (namespace 'usersEdit'). Vietnamese is the reference.

const vi = {
  action: 'Sửa',
  title: 'Sửa tài khoản {{username}}',
  intro:
    'Chỉ đổi được sang vai trò dùng cùng loại đơn vị; để đổi đơn vị, dùng "Chuyển đơn vị". Việc đổi vai trò tính từ hôm nay.',
  fullName: 'Họ tên',
  role: 'Vai trò',
  phone: 'Điện thoại',
  phoneHint: 'Di động 10 số (03, 05, 07, 08, 09…) hoặc cố định 11 số (02…); để trống nếu không có',
  submit: 'Lưu',
  unchanged: 'Chưa có thay đổi nào',
  stale: 'Tài khoản vừa được người khác sửa. Đóng lại và mở lại để thấy bản mới nhất.',
  done: 'Đã lưu tài khoản {{username}}',
};

const en: typeof vi = {
  action: 'Edit',
  title: 'Edit the account {{username}}',
  intro:
    'Only roles that take the same kind of unit are offered; to change the unit, use "Move to another unit". A new role counts from today.',
  fullName: 'Full name',
  role: 'Role',
  phone: 'Phone',
  phoneHint: 'A 10-digit mobile (03, 05, 07, 08, 09…) or an 11-digit fixed line (02…); leave empty if none',
  submit: 'Save',
  unchanged: 'Nothing has changed',
  stale: 'Someone else just changed this account. Close and open it again to see the latest.',
  done: 'Account {{username}} saved',
};

export const USERS_EDIT_NS = 'usersEdit';

addTexts(USERS_EDIT_NS, vi, en);
