import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createQueryClient } from './app';
import { registerServiceWorker } from './pwa';
import { createAppRouter } from './routes';
import './styles.css';

// Ask once for persistent storage so the browser does not evict the data under disk pressure;
// the settings page shows whether it was granted.
void navigator.storage?.persist?.().catch(() => false);

registerServiceWorker();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App queryClient={createQueryClient()} router={createAppRouter()} />
  </StrictMode>,
);
