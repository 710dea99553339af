import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, type Me } from '../api.ts';
import { currentLocale } from '../i18n.ts';
import { installationQuery, meQuery } from '../session.ts';
import { errorMessage } from '../ui/errors.ts';

/** The signed-in person; only inside the signed-in part of the app (its route guarantees it). */
export function useMe(): Me {
  const { data } = useSuspenseQuery(meQuery);
  if (!data) throw new Error('useMe outside the signed-in area');
  return data;
}

function useAfterSignIn() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    queryClient.removeQueries();
    await queryClient.fetchQuery(meQuery);
    await navigate({ to: '/' });
  };
}

export function useSignIn() {
  const afterSignIn = useAfterSignIn();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      api('/api/v1/auth/sign-in', { method: 'POST', body }),
    onSuccess: afterSignIn,
  });
}

export function useSignUp() {
  const afterSignIn = useAfterSignIn();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      setupToken,
      ...body
    }: {
      name: string;
      email: string;
      password: string;
      organizationName: string;
      setupToken?: string;
    }) =>
      api('/api/v1/auth/sign-up', {
        method: 'POST',
        body: { ...body, ...(setupToken ? { setupToken } : {}), locale: currentLocale() },
      }),
    onSuccess: afterSignIn,
    onError: () => queryClient.invalidateQueries({ queryKey: installationQuery.queryKey }),
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: () => api('/api/v1/auth/sign-out', { method: 'POST', body: {} }),
    onSuccess: async () => {
      queryClient.removeQueries();
      queryClient.setQueryData(meQuery.queryKey, null);
      await navigate({ to: '/sign-in' });
    },
    // Still signed in (e.g. offline): say so rather than pretend, which matters on a shared phone.
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });
}
