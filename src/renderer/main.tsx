import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/theme.css';
import './styles/base.css';
import './i18n';
import { applyTheme } from './styles/theme';
import { App } from './App';

// Follow the OS until the saved setting arrives, so the first paint is not a flash of light.
applyTheme('system');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
