import { useEffect } from 'react';
import { currentLang } from '../i18n/i18n.ts';

// Its own texts, not the 'offline' namespace: this is part of the first download, loaded before i18next starts.
const TEXT = {
  vi: {
    title: 'Trang này cần có mạng',
    body: 'Trang này chưa được lưu trên máy nên chưa mở được khi mất kết nối. Trang sẽ tự mở khi có mạng trở lại.',
  },
  en: {
    title: 'This page needs a connection',
    body: 'This page is not kept on this device, so it cannot open offline. It opens by itself when the connection returns.',
  },
};

/**
 * A page not kept on the device, opened offline (app/lazy-named.ts): says so, and opens the page for real when
 * the connection returns. Plain markup: it is part of the first download, which stays light.
 */
export function PageNotOnDevice() {
  const text = TEXT[currentLang()];
  useEffect(() => {
    const reload = () => window.location.reload();
    window.addEventListener('online', reload);
    return () => window.removeEventListener('online', reload);
  }, []);
  return (
    <div
      role="status"
      data-testid="page-not-on-device"
      style={{ padding: '12px 16px', borderRadius: 8, background: '#fff8e1', color: '#3e2c00' }}
    >
      <strong>{text.title}</strong>
      <p style={{ margin: '4px 0 0' }}>{text.body}</p>
    </div>
  );
}
