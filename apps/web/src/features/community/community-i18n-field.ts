import { contactKindLabels, organisationLabels } from '@hoanhap/domain/community-rules';
import type { Shape } from './community-i18n.ts';

// Texts of the community area, part 1: navigation, shared words and vocabularies (the volunteer's own pages keep
// theirs in field/field-i18n.ts). Merged into the namespace 'community' by community-i18n.ts.

export const vi = {
  nav: {
    myPeople: 'Người tôi giúp đỡ',
    myTasks: 'Việc của tôi',
    team: 'Đội tình nguyện',
    assignments: 'Phân công giúp đỡ',
    activities: 'Hoạt động của đội',
    contacts: 'Nhật ký liên hệ',
    clubs: 'Câu lạc bộ',
    partners: 'Đối tác, giới thiệu',
    training: 'Tập huấn',
  },
  common: {
    save: 'Lưu',
    cancel: 'Hủy',
    add: 'Thêm',
    close: 'Đóng',
    required: 'Mục này là bắt buộc',
    invalidDate: 'Ngày không hợp lệ, hãy nhập theo dạng dd/mm/yyyy',
    invalidNumber: 'Hãy nhập một số',
    saved: 'Đã lưu',
    active: 'Đang hoạt động',
    inactive: 'Đã nghỉ',
    note: 'Ghi chú',
    date: 'Ngày',
    place: 'Địa điểm',
    name: 'Họ và tên',
    phone: 'Số điện thoại',
    none: '—',
    call: 'Gọi',
    back: 'Quay lại',
    optional: '(không bắt buộc)',
  },
  org: organisationLabels.vi,
  kind: contactKindLabels.vi,
};

export const en: Shape<typeof vi> = {
  nav: {
    myPeople: 'My people',
    myTasks: 'My tasks',
    team: 'Volunteer team',
    assignments: 'Assignments',
    activities: 'Team activities',
    contacts: 'Contact log',
    clubs: 'Clubs',
    partners: 'Partners, referrals',
    training: 'Training',
  },
  common: {
    save: 'Save',
    cancel: 'Cancel',
    add: 'Add',
    close: 'Close',
    required: 'This field is required',
    invalidDate: 'Invalid date, use dd/mm/yyyy',
    invalidNumber: 'Enter a number',
    saved: 'Saved',
    active: 'Active',
    inactive: 'Inactive',
    note: 'Note',
    date: 'Date',
    place: 'Place',
    name: 'Full name',
    phone: 'Phone',
    none: '—',
    call: 'Call',
    back: 'Back',
    optional: '(optional)',
  },
  org: organisationLabels.en,
  kind: contactKindLabels.en,
};
