import i18next from 'i18next';

// Texts of the form that enters one decision naming several people (POST /api/decisions), in their own
// namespace 'decisions'. Vietnamese is the reference; English has the same keys.

const vi = {
  nav: 'Quyết định cho nhiều người',
  title: 'Ghi một quyết định cho nhiều người',
  intro:
    'Một quyết định có thể nêu tên nhiều người: nhập quyết định một lần, hệ thống mở giai đoạn quản lý cho từng người và kiểm tra từng người theo quy định. Nếu một người không hợp lệ, không ai được ghi.',
  type: 'Loại quyết định',
  types: {
    user_management: 'Quản lý người sử dụng trái phép chất ma túy',
    post_rehab: 'Quản lý sau cai nghiện',
  },
  number: 'Số quyết định (để trống để lấy số tiếp theo của sổ)',
  date: 'Ngày quyết định',
  signer: 'Người ký',
  startDate: 'Ngày bắt đầu quản lý',
  findPerson: 'Tìm người theo tên (ít nhất 2 ký tự)',
  noMatch: 'Không tìm thấy người phù hợp trong phạm vi của bạn.',
  add: 'Thêm',
  remove: 'Bỏ {{name}} khỏi quyết định',
  people: 'Người được nêu tên: {{count}}',
  needPerson: 'Hãy chọn ít nhất một người',
  submit: 'Ghi quyết định',
  done: 'Đã ghi quyết định số {{number}} ngày {{date}} cho {{count}} người.',
  another: 'Ghi quyết định khác',
  openPerson: 'Xem hồ sơ',
};

const en: typeof vi = {
  nav: 'Decision for several people',
  title: 'Enter one decision naming several people',
  intro:
    'One decision may name several people: enter it once, and a management episode is opened for each person, each checked against the rules. If one person is refused, nobody is recorded.',
  type: 'Kind of decision',
  types: {
    user_management: 'Management of an illegal drug user',
    post_rehab: 'Post-rehab management',
  },
  number: 'Decision number (leave empty for the register’s next number)',
  date: 'Decision date',
  signer: 'Signed by',
  startDate: 'First day of management',
  findPerson: 'Find a person by name (at least 2 characters)',
  noMatch: 'No matching person in your scope.',
  add: 'Add',
  remove: 'Remove {{name}} from the decision',
  people: 'People named: {{count}}',
  needPerson: 'Choose at least one person',
  submit: 'Record the decision',
  done: 'Decision {{number}} of {{date}} recorded for {{count}} people.',
  another: 'Enter another decision',
  openPerson: 'Open the record',
};

i18next.addResourceBundle('vi', 'decisions', vi, true, true);
i18next.addResourceBundle('en', 'decisions', en, true, true);
