import { MantineProvider } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { BrowserRouter } from 'react-router';
import { ApiError } from '../api/client.ts';
import { handleSessionErrors } from '../api/session.ts';
import { cssVariablesResolver, theme } from './theme.ts';

function makeQueryClient() {
  const qc: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (e) => handleSessionErrors(qc, e) }),
    mutationCache: new MutationCache({ onError: (e) => handleSessionErrors(qc, e) }),
    defaultOptions: {
      queries: {
        // 4xx answers will not change by asking again.
        retry: (n, e) => !(e instanceof ApiError && e.status >= 400 && e.status < 500) && n < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
  return qc;
}

export function Providers({ children }: { children: ReactNode }) {
  const [qc] = useState(makeQueryClient);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={qc}>
        <BrowserRouter>{children}</BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
