import { contactKindLabels } from '@hoanhap/domain/contact-vocabulary';
import i18next from 'i18next';

// Texts of the volunteer's pages (my people, log a contact, my tasks) in the 'community' namespace: their own
// file, so that these light pages load neither the area's other texts nor the shared schemas (community-i18n.ts
// imports this file, so the other community pages have them too).

const vi = {
  common: {
    required: 'Mục này là bắt buộc',
    invalidDate: 'Ngày không hợp lệ, hãy nhập theo dạng dd/mm/yyyy',
    call: 'Gọi',
    back: 'Quay lại',
    optional: '(không bắt buộc)',
  },
  kind: contactKindLabels.vi,
  outcome: {
    met: 'Đã gặp, trao đổi được',
    not_reached: 'Không gặp được',
    referred: 'Đã giới thiệu dịch vụ',
    escalated: 'Cần cán bộ xử lý',
  },
  my: {
    title: 'Người tôi giúp đỡ',
    intro: 'Những người bạn đang được phân công giúp đỡ. Chạm vào một người để ghi liên hệ.',
    empty:
      'Bạn chưa được phân công giúp đỡ ai. Hãy liên hệ cán bộ xã/phường để được phân công người cần giúp đỡ.',
    address: 'Địa chỉ',
    pathway: 'Đang thực hiện',
    noPathway: 'Không có giai đoạn quản lý nào đang thực hiện',
    until: 'đến {{date}}',
    from: 'từ {{date}}',
    test: 'Xét nghiệm',
    testDue: 'Đến hạn xét nghiệm ngày {{date}}',
    testDone: 'Đã xét nghiệm ngày {{date}}',
    testNone: 'Chưa có lịch xét nghiệm',
    nextContact: 'Liên hệ tiếp theo',
    nextContactOn: 'Liên hệ tiếp: {{date}}',
    noNextContact: 'Chưa hẹn liên hệ tiếp',
    logContact: 'Ghi liên hệ',
    notes: 'Ghi chép của tôi',
    notesEmpty: 'Chưa có ghi chép nào. Sau mỗi lần gặp hoặc gọi điện, hãy ghi lại ở đây.',
    notFound: 'Không tìm thấy người này trong danh sách bạn giúp đỡ.',
  },
  log: {
    title: 'Ghi liên hệ',
    kind: 'Hình thức',
    outcome: 'Kết quả',
    note: 'Ghi chú ngắn',
    contactDate: 'Ngày liên hệ',
    nextContactDate: 'Hẹn liên hệ tiếp theo',
    nextHint: 'Mặc định sau 7 ngày; xoá nếu chưa hẹn. Nhập dd/mm/yyyy',
    service: 'Nơi đi cùng đến',
    submit: 'Lưu liên hệ',
    saved: 'Đã lưu liên hệ.',
    savedNext: 'Đã lưu liên hệ. Hẹn liên hệ tiếp ngày {{date}}.',
  },
  tasks: {
    title: 'Việc của tôi',
    today: 'Hôm nay {{date}}',
    overdue: 'Quá hạn',
    dueToday: 'Hôm nay',
    upcoming: 'Sắp tới',
    empty: 'Không có việc nào. Khi ghi liên hệ, hãy hẹn ngày liên hệ tiếp theo để nó hiện ở đây.',
    sectionEmpty: 'Không có',
    due: 'Hạn {{date}}',
    contact: 'Liên hệ',
  },
};

const en: typeof vi = {
  common: {
    required: 'This field is required',
    invalidDate: 'Invalid date, use dd/mm/yyyy',
    call: 'Call',
    back: 'Back',
    optional: '(optional)',
  },
  kind: contactKindLabels.en,
  outcome: {
    met: 'Met, talked',
    not_reached: 'Not reached',
    referred: 'Referred to a service',
    escalated: 'Needs an officer',
  },
  my: {
    title: 'My people',
    intro: 'The people you are assigned to help. Tap a person to log a contact.',
    empty: 'You are not assigned to anyone yet. Ask the commune officer to assign you a person to help.',
    address: 'Address',
    pathway: 'Current pathway',
    noPathway: 'No management pathway in progress',
    until: 'until {{date}}',
    from: 'from {{date}}',
    test: 'Drug test',
    testDue: 'Test due on {{date}}',
    testDone: 'Tested on {{date}}',
    testNone: 'No test scheduled',
    nextContact: 'Next contact',
    nextContactOn: 'Next contact: {{date}}',
    noNextContact: 'No next contact set',
    logContact: 'Log a contact',
    notes: 'My notes',
    notesEmpty: 'No notes yet. After each visit or call, log it here.',
    notFound: 'This person is not among the people you help.',
  },
  log: {
    title: 'Log a contact',
    kind: 'Kind',
    outcome: 'Outcome',
    note: 'Short note',
    contactDate: 'Contact date',
    nextContactDate: 'Next contact',
    nextHint: 'Defaults to 7 days; clear it if not planned. Use dd/mm/yyyy',
    service: 'Accompanied to',
    submit: 'Save contact',
    saved: 'Contact saved.',
    savedNext: 'Contact saved. Next contact on {{date}}.',
  },
  tasks: {
    title: 'My tasks',
    today: 'Today {{date}}',
    overdue: 'Overdue',
    dueToday: 'Today',
    upcoming: 'Upcoming',
    empty: 'Nothing to do. When you log a contact, set the next contact date and it shows here.',
    sectionEmpty: 'None',
    due: 'Due {{date}}',
    contact: 'Contact',
  },
};

i18next.addResourceBundle('vi', 'community', vi, true, true);
i18next.addResourceBundle('en', 'community', en, true, true);
