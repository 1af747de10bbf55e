import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AuthProvider } from './auth/auth';
import { I18nProvider } from './i18n/i18n';
import { RouterProvider } from './router/router';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <I18nProvider>
    <AuthProvider>
      <RouterProvider>
        <App />
      </RouterProvider>
    </AuthProvider>
  </I18nProvider>,
);
