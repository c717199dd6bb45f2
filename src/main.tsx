import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import './index.css';
import './themes.css';

/**
 * Boot: the mock backend (MSW's service worker and the site, loaded lazily in its own chunk) and the console shell
 * load in parallel; the router is created only once the worker answers, since data-mode loaders run at once.
 */
async function boot() {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  // All three requested at once: the display settings (a small chunk) no longer hold back the other two.
  const backendModule = import('./server/browser');
  const routerModule = import('./console/router');
  // Marked as handled: a failed import is reported by the Promise.all below, not as an unhandled rejection meanwhile.
  for (const module of [backendModule, routerModule]) module.catch(() => undefined);
  const { applyDisplaySettings } = await import('./console/display-settings');
  applyDisplaySettings();
  try {
    const [{ startMockBackend }, { createConsoleRouter }] = await Promise.all([backendModule, routerModule]);
    const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });
    // Another tab changed the site: everything shown here may be stale.
    await startMockBackend(() => void queryClient.invalidateQueries());
    const router = createConsoleRouter(queryClient);
    root.render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </StrictMode>,
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    root.render(
      <main style={{ margin: 24, fontFamily: 'Segoe UI, Tahoma, sans-serif' }}>
        <h1>The console could not start</h1>
        <p>{message}</p>
        <p>Serve it from http://localhost (the mock backend needs a service worker), then reload.</p>
      </main>,
    );
  }
}

void boot();
