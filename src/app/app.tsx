import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { RouterProvider } from 'react-router';
import { ApiError } from '../api/client';
import { createAppRouter } from './router';

// Toasts only ever follow a user's action, so their code need not be in the first screen's bundle.
const Toaster = lazy(() => import('sonner').then((m) => ({ default: m.Toaster })));

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // Client errors (403, 404, 400) will not fix themselves; network and 5xx get one more try.
        retry: (count, error) =>
          count < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

/**
 * `onMounted` runs once after the first commit (main.tsx starts the demo's mock API from it);
 * `client` lets main.tsx start the first screen's queries before the first render.
 */
export function App({ onMounted, client: given }: { onMounted?: () => void; client?: QueryClient }) {
  const [client] = useState(() => given ?? createQueryClient());
  const mounted = useRef(onMounted);
  useEffect(() => {
    mounted.current?.();
    mounted.current = undefined;
  }, []);
  const [router] = useState(() => createAppRouter());
  return (
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
      <Suspense fallback={null}>
        <Toaster position="top-center" richColors closeButton />
      </Suspense>
    </QueryClientProvider>
  );
}
