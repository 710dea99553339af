import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../core/locales.ts';
import { api, type Me } from '../api.ts';
import { applyLocale, currentLocale } from '../i18n.ts';
import { meQuery } from '../session.ts';
import { errorMessage } from './errors.ts';

/** Switches the language at once and, when someone is signed in, stores it on their account. */
export function useChangeLocale() {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  return async (locale: Locale) => {
    const previous = currentLocale();
    await applyLocale(locale);
    if (!queryClient.getQueryData(meQuery.queryKey)) return;
    try {
      const me = await api<Me>('/api/v1/me', { method: 'PATCH', body: { locale } });
      queryClient.setQueryData(meQuery.queryKey, me);
    } catch (error) {
      // Not stored: go back, so the screen matches what the next page load will show.
      await applyLocale(previous);
      notifications.show({ color: 'red', message: errorMessage(t, error) });
    }
  };
}
