// Admins sign a member out on every device (a lost phone, a shared computer): all sessions of the
// member's account end; they sign in again with their password.
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLogout } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { signOutSchema } from '../../server/structure/schemas.ts';
import { api } from '../api.ts';
import { Confirm } from '../ui/Confirm.tsx';
import { errorMessage } from '../ui/errors.ts';
import type { Member } from './api.ts';

export function SignOutMember({ member }: { member: Member }) {
  const { t } = useTranslation(['structure', 'common']);
  const [open, setOpen] = useState(false);
  const signOut = useMutation({
    mutationFn: () =>
      api<z.infer<typeof signOutSchema>>(`/api/v1/members/${member.id}/sign-out`, { method: 'POST' }),
    onSuccess: ({ sessionsEnded }) => {
      setOpen(false);
      notifications.show({
        color: 'teal',
        message: t('signOut.done', { name: member.name, count: sessionsEnded }),
      });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconLogout size={16} />}
        onClick={() => setOpen(true)}
        data-testid="member-sign-out"
      >
        {t('signOut.button')}
      </Button>
      <Confirm
        opened={open}
        onClose={() => setOpen(false)}
        title={t('signOut.title', { name: member.name })}
        body={t('signOut.body', { name: member.name })}
        confirm={t('signOut.confirm')}
        loading={signOut.isPending}
        onConfirm={() => signOut.mutate()}
        testId="member-sign-out-confirm"
      />
    </>
  );
}
