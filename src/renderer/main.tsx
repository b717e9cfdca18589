import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/theme.css';
import './styles/base.css';
import './i18n';
import { applyTheme } from './styles/theme';
import { App } from './App';
import { SCREENS, SCREEN_IDS } from './features/registry';
import { useNavigationStore } from './stores/navigation';

// Follow the OS until the saved setting arrives, so the first paint is not a flash of light.
applyTheme('system');

// The start screen's chunk is fetched before the first render, so it shows at once instead
// of a "Loading…" line (React holds back suspended content for up to 300 ms). The other
// screens are fetched right after (in parallel with the first render), so moving to them does not wait for the network.
// A chunk that fails to load renders as before: the screen's error boundary says so.
void SCREENS[useNavigationStore.getState().screen].preload().then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  for (const id of SCREEN_IDS) void SCREENS[id].preload();
});
