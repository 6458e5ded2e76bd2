import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { BrowserRouter } from 'react-router';
import { ApiError } from '../api/client.ts';
import { handleSessionErrors } from '../api/session.ts';

function makeQueryClient() {
  const qc: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (e) => handleSessionErrors(qc, e) }),
    mutationCache: new MutationCache({ onError: (e) => handleSessionErrors(qc, e) }),
    defaultOptions: {
      queries: {
        // 4xx answers will not change by asking again; nor will a missing connection right now.
        retry: (n, e) =>
          !(e instanceof ApiError && e.status >= 400 && e.status < 500) && navigator.onLine && n < 2,
        refetchOnWindowFocus: false,
        // [offline] Ask even without a connection: the service worker answers with the copy kept on the device
        // (public/sw.js), or the request fails at once with a clear message, instead of waiting paused.
        networkMode: 'always',
      },
      // [offline] Writes run without a connection too: the field forms keep theirs in the outbox, the others fail
      // at once with "cannot reach the server" (and their dialogs say beforehand that they need a connection).
      mutations: { networkMode: 'always' },
    },
  });
  return qc;
}

/**
 * The query cache and the router. The Mantine theme is not here: the login page and the volunteer's pages are
 * plain HTML, and the full app brings Mantine with it (signed-in-routes.tsx). `seed` puts copies kept on the
 * device in the cache before the first render (device-first.ts), so a repeat visit shows at once.
 */
export function Providers({ children, seed }: { children: ReactNode; seed?: (qc: QueryClient) => void }) {
  const [qc] = useState(() => {
    const client = makeQueryClient();
    seed?.(client);
    return client;
  });
  return (
    <QueryClientProvider client={qc}>
      <BrowserRouter>{children}</BrowserRouter>
    </QueryClientProvider>
  );
}
