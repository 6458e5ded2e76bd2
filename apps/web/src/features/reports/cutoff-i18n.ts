import i18next from 'i18next';

// Texts of the national cut-off setting and of the dashboard's work-list panel, merged into the 'reports'
// namespace (reports-i18n.ts keeps the rest). Vietnamese is the reference; English has the same keys.

const vi = {
  cutoff: {
    title: 'Ngày chốt số liệu báo cáo',
    intro:
      'Kỳ báo cáo tính từ ngày chốt của tháng trước đến ngày liền trước ngày chốt của tháng cuối kỳ (mặc định: từ ngày 15 tháng trước đến ngày 14). Ngày 1 là tháng dương lịch. Mỗi kỳ dùng cài đặt có hiệu lực vào ngày đầu tiên của tháng đầu kỳ; báo cáo đã lập giữ nguyên ngày chốt của nó.',
    inForce: 'Đang áp dụng hôm nay ({{today}}): ngày {{day}}',
    byDefault: 'theo mặc định (Nghị định 09/2019/NĐ-CP, cần đối chiếu văn bản)',
    since: 'từ {{date}}',
    example: 'Ví dụ: {{label}} tính từ {{from}} đến {{to}}',
    history: 'Lịch sử thay đổi',
    noHistory: 'Chưa có thay đổi nào: đang dùng ngày chốt mặc định 15.',
    effectiveFrom: 'Áp dụng từ ngày',
    day: 'Ngày chốt',
    reason: 'Lý do, căn cứ',
    recordedBy: 'Người ghi nhận',
    recordedAt: 'Thời điểm ghi',
    current: 'Đang áp dụng',
    change: 'Thay đổi ngày chốt',
    changeHint:
      'Ghi ngày chốt mới, ngày bắt đầu áp dụng và lý do (ví dụ số công văn). Thay đổi được ghi nhật ký; muốn quay lại, hãy ghi một thay đổi mới.',
    dayHint: 'Từ 1 đến 28; 1 là tháng dương lịch',
    confirmTitle: 'Thay đổi ngày chốt số liệu toàn quốc?',
    confirm:
      'Từ {{date}}, các kỳ báo cáo mới sẽ chốt số liệu vào ngày {{day}} (ví dụ {{label}}: {{from}} – {{to}}). Bảng số liệu và báo cáo mới của mọi đơn vị dùng cài đặt này.',
    confirmButton: 'Ghi thay đổi',
    saved: 'Đã ghi thay đổi ngày chốt số liệu.',
    invalidDate: 'Ngày không hợp lệ, hãy nhập theo dạng dd/mm/yyyy',
    invalidDay: 'Ngày chốt phải từ 1 đến 28',
    fromSetting: 'Theo cài đặt quốc gia',
    custom: 'Đã chọn khác cài đặt quốc gia',
    useSetting: 'Dùng ngày chốt quốc gia ({{day}})',
    settingLink: 'Cài đặt ngày chốt số liệu',
  },
  tasksPanel: {
    title: 'Việc cần làm',
    overdue: 'Quá hạn',
    today: 'Đến hạn hôm nay',
    upcoming: 'Sắp đến hạn',
    open: 'Mở danh sách công việc',
    empty: 'Không có việc nào đang chờ bạn. Việc mới sẽ hiện ở đây khi có thời hạn theo quy định.',
    count: '{{count}} việc',
  },
};

const en: typeof vi = {
  cutoff: {
    title: 'Reporting cut-off day',
    intro:
      'A report period runs from the cut-off day of the month before to the day before the cut-off day of its last month (default: from the 15th of the previous month to the 14th). Day 1 means calendar months. Each period uses the setting in force on the first day of its first month; reports already created keep their own cut-off day.',
    inForce: 'In force today ({{today}}): day {{day}}',
    byDefault: 'by default (Decree 09/2019/ND-CP, to be verified)',
    since: 'since {{date}}',
    example: 'For example: {{label}} runs from {{from}} to {{to}}',
    history: 'History of changes',
    noHistory: 'No change yet: the default cut-off day 15 applies.',
    effectiveFrom: 'Effective from',
    day: 'Cut-off day',
    reason: 'Reason, basis',
    recordedBy: 'Recorded by',
    recordedAt: 'Recorded at',
    current: 'In force',
    change: 'Change the cut-off day',
    changeHint:
      'Enter the new cut-off day, the date it applies from and the reason (e.g. the official letter). Changes are audited; to go back, record a new change.',
    dayHint: '1 to 28; 1 means calendar months',
    confirmTitle: 'Change the national reporting cut-off day?',
    confirm:
      'From {{date}}, new report periods will be cut on day {{day}} (e.g. {{label}}: {{from}} – {{to}}). Every unit’s dashboard and new reports use this setting.',
    confirmButton: 'Record the change',
    saved: 'The cut-off day change was recorded.',
    invalidDate: 'Invalid date, use dd/mm/yyyy',
    invalidDay: 'The cut-off day must be 1 to 28',
    fromSetting: 'National setting',
    custom: 'Differs from the national setting',
    useSetting: 'Use the national cut-off day ({{day}})',
    settingLink: 'Reporting cut-off setting',
  },
  tasksPanel: {
    title: 'Tasks to do',
    overdue: 'Overdue',
    today: 'Due today',
    upcoming: 'Upcoming',
    open: 'Open the work list',
    empty: 'Nothing is waiting for you. New tasks appear here when a legal deadline applies.',
    count: '{{count}} tasks',
  },
};

i18next.addResourceBundle('vi', 'reports', vi, true, true);
i18next.addResourceBundle('en', 'reports', en, true, true);
