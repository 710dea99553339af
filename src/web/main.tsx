import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api.ts';
import { localeReady } from './i18n.ts';
import { createAppRouter } from './router.tsx';
import { meQuery } from './session.ts';
import { theme } from './theme.ts';
import { TODAY_KEY } from './today/api.ts';

// A session that ends (expired, signed out elsewhere) sends the person to sign-in from wherever they are.
function onApiError(error: unknown) {
  if (!(error instanceof ApiError) || error.code !== 'unauthenticated') return;
  queryClient.setQueryData(meQuery.queryKey, null);
  void router.navigate({ to: '/sign-in' });
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({
    onError: onApiError,
    // Today shows a little of everything: any change may change it.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: TODAY_KEY }),
  }),
  defaultOptions: {
    queries: {
      // Client errors (4xx) will not change on a retry; network trouble might.
      retry: (count, error) =>
        count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});
// Who is signed in, asked for at once: this takes the answer index.html preloaded. A preload goes to the
// first request for its address whenever that comes, so it must be taken now — not by a request made
// after a sign-in on this page, which would get the answer from before it.
void queryClient.prefetchQuery(meQuery);
const router = createAppRouter(queryClient);
// The page's own code starts loading with the app's, not after the session check and the first render.
for (const route of router.getMatchedRoutes(window.location.pathname)[0]) void router.loadRouteChunk(route);

// The device's language is there before anything is drawn (it loaded beside the rest of the code).
await localeReady;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-center" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
