// Keeps the account's time zone the device's: the server counts a member's days (plans, the habit) in
// it. Once per app load, silently: if they differ, store the device's and take the answered person.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api, type Me } from '../api.ts';
import { PLANS_KEY } from '../plans/api.ts';
import { meQuery } from '../session.ts';

export function useTimeZoneSync(me: Me) {
  const queryClient = useQueryClient();
  const tried = useRef(false);
  const stored = me.member.timeZone;
  useEffect(() => {
    const device = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (tried.current || !device || stored === device) return;
    tried.current = true;
    api<Me>('/api/v1/me', { method: 'PATCH', body: { timeZone: device } })
      .then((updated) => {
        queryClient.setQueryData(meQuery.queryKey, updated);
        // "Today" of the plans may have moved with it.
        void queryClient.invalidateQueries({ queryKey: PLANS_KEY });
      })
      // Not stored (offline, an old server): the server keeps counting in the zone it has; try next load.
      .catch(() => undefined);
  }, [stored, queryClient]);
}
