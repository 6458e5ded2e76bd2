import { addTexts } from '../../app/add-texts.ts';

// Texts of the second factor (TOTP enrolment, code step, recovery codes) and of "break the glass" (reading a
// person's identity with a stated reason, and the auditor's list), in their own namespace 'security'.

const vi = {
  code: {
    title: 'Xác thực hai bước',
    intro: 'Mở ứng dụng xác thực trên điện thoại và nhập mã 6 chữ số đang hiện.',
    label: 'Mã xác thực',
    remember: 'Ghi nhớ thiết bị này trong {{days}} ngày',
    submit: 'Xác nhận',
    useRecovery: 'Dùng mã khôi phục',
    useCode: 'Dùng mã từ ứng dụng',
    recoveryLabel: 'Mã khôi phục',
    recoveryIntro:
      'Nhập một trong các mã khôi phục đã lưu khi bật xác thực hai bước. Mỗi mã chỉ dùng một lần.',
    required: 'Nhập mã',
    logout: 'Đăng xuất',
    left: 'Còn {{count}} mã khôi phục chưa dùng.',
  },
  enrol: {
    title: 'Bật xác thực hai bước',
    why: 'Vai trò của bạn đọc được dữ liệu nhạy cảm của nhiều người, nên cần thêm một bước xác thực ngoài mật khẩu.',
    step1:
      '1. Cài một ứng dụng xác thực (Google Authenticator, Microsoft Authenticator, FreeOTP…) rồi quét mã QR này:',
    qrAlt: 'Mã QR để quét bằng ứng dụng xác thực',
    secret: 'Hoặc nhập khoá này vào ứng dụng',
    step2: '2. Nhập mã 6 chữ số ứng dụng hiện ra để xác nhận:',
    confirm: 'Xác nhận và bật',
    loading: 'Đang tạo mã QR…',
    codesTitle: 'Mã khôi phục',
    codesIntro:
      'Lưu 10 mã này ở nơi an toàn (in ra, cất riêng). Khi mất điện thoại, mỗi mã dùng được một lần thay cho mã xác thực. Các mã chỉ hiện một lần này.',
    codesDone: 'Tôi đã lưu các mã khôi phục',
    enabled: 'Đã bật xác thực hai bước',
  },
  account: {
    title: 'Bảo mật tài khoản',
    on: 'Xác thực hai bước đang bật. Còn {{count}} mã khôi phục chưa dùng.',
    off: 'Xác thực hai bước chưa bật (không bắt buộc với vai trò của bạn).',
    start: 'Bật xác thực hai bước',
    devices: 'Thiết bị được ghi nhớ: {{count}}',
    forget: 'Quên các thiết bị đã ghi nhớ',
    forgetConfirm: 'Các lần đăng nhập sau trên mọi thiết bị sẽ lại hỏi mã xác thực. Tiếp tục?',
    forgotten: 'Đã quên các thiết bị',
    nav: 'Bảo mật tài khoản',
  },
  reset: {
    action: 'Đặt lại xác thực hai bước',
    confirm:
      'Xoá khoá xác thực, mã khôi phục và thiết bị đã ghi nhớ của {{username}}, đồng thời đăng xuất người này. Nếu vai trò bắt buộc, họ sẽ phải bật lại khi đăng nhập. Tiếp tục?',
    done: 'Đã đặt lại xác thực hai bước của {{username}}',
  },
  glass: {
    hidden:
      'Thông tin định danh (CCCD, ngày sinh, địa chỉ, người thân, điện thoại) được ẩn: bạn không quản lý trực tiếp xã/phường của người này.',
    open: 'Xem thông tin định danh',
    dialogTitle: 'Xem thông tin định danh',
    dialogIntro:
      'Nêu lý do cần xem. Lý do được lưu vào nhật ký và kiểm tra viên sẽ xem lại. Thông tin chỉ mở cho người này, trong một thời gian giới hạn.',
    reason: 'Lý do',
    reasonHint: 'Ít nhất 15 ký tự, ví dụ: số công văn, yêu cầu xác minh',
    tooShort: 'Lý do cần ít nhất 15 ký tự',
    submit: 'Xem',
    openUntil: 'Thông tin định danh đang mở (có lý do) đến {{until}}.',
  },
  audit: {
    title: 'Xem thông tin định danh có lý do',
    nav: 'Xem định danh có lý do',
    intro: 'Mỗi lần cán bộ cấp tỉnh, trung ương mở thông tin định danh của một người, kèm lý do họ nêu.',
    empty: 'Chưa có lần mở thông tin định danh nào.',
    at: 'Thời điểm',
    who: 'Người xem',
    person: 'Hồ sơ',
    reason: 'Lý do',
    until: 'Mở đến',
    ip: 'Địa chỉ IP',
    total: '{{count}} lần',
    prev: 'Trang trước',
    next: 'Trang sau',
  },
};

const en: typeof vi = {
  code: {
    title: 'Two-step verification',
    intro: 'Open the authenticator app on your phone and enter the 6-digit code it shows.',
    label: 'Verification code',
    remember: 'Remember this device for {{days}} days',
    submit: 'Confirm',
    useRecovery: 'Use a recovery code',
    useCode: 'Use a code from the app',
    recoveryLabel: 'Recovery code',
    recoveryIntro:
      'Enter one of the recovery codes saved when two-step verification was set up. Each works once.',
    required: 'Enter the code',
    logout: 'Log out',
    left: '{{count}} unused recovery codes left.',
  },
  enrol: {
    title: 'Set up two-step verification',
    why: 'Your role reads sensitive data of many people, so it needs a step beyond the password.',
    step1:
      '1. Install an authenticator app (Google Authenticator, Microsoft Authenticator, FreeOTP…) and scan this QR code:',
    qrAlt: 'QR code to scan with an authenticator app',
    secret: 'Or type this key into the app',
    step2: '2. Enter the 6-digit code the app shows to confirm:',
    confirm: 'Confirm and turn on',
    loading: 'Making the QR code…',
    codesTitle: 'Recovery codes',
    codesIntro:
      'Keep these 10 codes somewhere safe (print them, store them apart). If you lose your phone, each one works once instead of a code. They are shown only this once.',
    codesDone: 'I have saved the recovery codes',
    enabled: 'Two-step verification is on',
  },
  account: {
    title: 'Account security',
    on: 'Two-step verification is on. {{count}} unused recovery codes left.',
    off: 'Two-step verification is off (optional for your role).',
    start: 'Turn on two-step verification',
    devices: 'Remembered devices: {{count}}',
    forget: 'Forget remembered devices',
    forgetConfirm: 'Later logins on every device will ask for a code again. Continue?',
    forgotten: 'Devices forgotten',
    nav: 'Account security',
  },
  reset: {
    action: 'Reset two-step verification',
    confirm:
      "Remove {{username}}'s authenticator key, recovery codes and remembered devices, and log them out. If their role requires it, they set it up again at login. Continue?",
    done: "{{username}}'s two-step verification was reset",
  },
  glass: {
    hidden:
      "Identity (citizen ID, birth date, addresses, family, phone) is hidden: you do not manage this person's commune directly.",
    open: 'View identity',
    dialogTitle: 'View identity',
    dialogIntro:
      'State why you need it. The reason is logged and reviewed by auditors. It opens for this person only, for a limited time.',
    reason: 'Reason',
    reasonHint: 'At least 15 characters, e.g. an official letter number, a verification request',
    tooShort: 'The reason needs at least 15 characters',
    submit: 'View',
    openUntil: 'Identity open (with a reason) until {{until}}.',
  },
  audit: {
    title: 'Identity reads with a reason',
    nav: 'Identity reads with a reason',
    intro: 'Each time a province or national officer opened a person’s identity, with the reason they gave.',
    empty: 'No identity has been opened with a reason yet.',
    at: 'When',
    who: 'Who',
    person: 'Record',
    reason: 'Reason',
    until: 'Open until',
    ip: 'IP address',
    total: '{{count}} reads',
    prev: 'Previous page',
    next: 'Next page',
  },
};

// Its own namespace: 'security' is the sessions page's (features/security).
export const SECURITY_NS = 'second-factor';

addTexts(SECURITY_NS, vi, en);
