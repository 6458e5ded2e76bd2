import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { createRoot } from 'react-dom/client';
import { AppRoutes } from './app/app-routes.tsx';
import { Providers } from './app/providers.tsx';
import { initI18n } from './i18n/i18n.ts';

void initI18n().then(() => {
  createRoot(document.getElementById('root')!).render(
    <Providers>
      <AppRoutes />
    </Providers>,
  );
});
