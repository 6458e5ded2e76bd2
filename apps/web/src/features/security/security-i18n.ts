import i18next from 'i18next';

// Texts of the security features (namespace 'security'): the user's own sessions, and the administrator's
// lock and sessions section of the user edit dialog. Vietnamese is the reference.

const vi = {
  nav: 'Phiên đăng nhập',
  title: 'Các phiên đăng nhập của tôi',
  intro:
    'Các thiết bị đang đăng nhập bằng tài khoản của bạn. Nếu thấy thiết bị lạ, hãy kết thúc phiên đó và đổi mật khẩu.',
  device: 'Thiết bị',
  address: 'Địa chỉ IP',
  started: 'Đăng nhập lúc',
  lastSeen: 'Hoạt động gần nhất',
  current: 'Phiên này',
  unknownDevice: 'Không rõ thiết bị',
  deviceOn: '{{browser}} trên {{os}}',
  end: 'Kết thúc phiên',
  endFor: 'Kết thúc phiên {{device}}',
  endConfirmTitle: 'Kết thúc phiên đăng nhập?',
  endConfirm: 'Thiết bị "{{device}}" sẽ phải đăng nhập lại.',
  endCurrentConfirm: 'Đây là phiên bạn đang dùng: bạn sẽ được đăng xuất.',
  ended: 'Đã kết thúc phiên đăng nhập',
  empty: 'Không có phiên nào khác.',
  // user edit dialog (administrators)
  accessTitle: 'Đăng nhập',
  lockAdmin: 'Tài khoản bị khoá do đăng nhập sai quá nhiều lần; chỉ quản trị viên mở khoá được.',
  lockTemporary: 'Tài khoản đang tạm khoá do đăng nhập sai, đến {{until}}.',
  notLocked: 'Tài khoản không bị khoá đăng nhập.',
  unlock: 'Mở khoá đăng nhập',
  unlocked: 'Đã mở khoá đăng nhập cho {{username}}',
  endAll: 'Kết thúc mọi phiên đăng nhập',
  endAllConfirm: 'Mọi thiết bị đang đăng nhập bằng tài khoản {{username}} sẽ bị đăng xuất. Tiếp tục?',
  endAllYes: 'Đăng xuất mọi thiết bị',
  endAllDone: 'Đã kết thúc {{count}} phiên đăng nhập của {{username}}',
  lockedBadge: 'Bị khoá đăng nhập',
};

const en: typeof vi = {
  nav: 'Sessions',
  title: 'My sessions',
  intro:
    'The devices logged in with your account. If you see one you do not know, end that session and change your password.',
  device: 'Device',
  address: 'IP address',
  started: 'Logged in at',
  lastSeen: 'Last active',
  current: 'This session',
  unknownDevice: 'Unknown device',
  deviceOn: '{{browser}} on {{os}}',
  end: 'End session',
  endFor: 'End the session {{device}}',
  endConfirmTitle: 'End this session?',
  endConfirm: 'The device "{{device}}" will have to log in again.',
  endCurrentConfirm: 'This is the session you are using: you will be logged out.',
  ended: 'Session ended',
  empty: 'No other sessions.',
  accessTitle: 'Login',
  lockAdmin: 'The account is locked after too many failed logins; only an administrator can unlock it.',
  lockTemporary: 'The account is temporarily locked after failed logins, until {{until}}.',
  notLocked: 'The account is not locked.',
  unlock: 'Unlock login',
  unlocked: 'Login unlocked for {{username}}',
  endAll: 'End all sessions',
  endAllConfirm: 'Every device logged in as {{username}} will be logged out. Continue?',
  endAllYes: 'Log out every device',
  endAllDone: 'Ended {{count}} sessions of {{username}}',
  lockedBadge: 'Login locked',
};

export const SECURITY_NS = 'security';

/** Registers the namespace once, as soon as i18next is initialised (this module may load before that). */
export function registerSecurityI18n() {
  if (!i18next.isInitialized || !i18next.store) {
    i18next.on('initialized', registerSecurityI18n);
    return;
  }
  if (i18next.hasResourceBundle('vi', SECURITY_NS)) return;
  i18next.addResourceBundle('vi', SECURITY_NS, vi, true, true);
  i18next.addResourceBundle('en', SECURITY_NS, en, true, true);
}

registerSecurityI18n();
