// Asked for after signing in with a password that breaks the password rule (set before the rule, or
// too short, common, or with the name or e-mail): the signed-in area stays closed until it is changed.
import { Alert, Button, Stack } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN } from '../../core/accounts.ts';
import { ChangePasswordForm } from '../settings/PasswordSection.tsx';
import { AuthLayout } from '../ui/AuthLayout.tsx';
import { useSignOut } from './hooks.ts';

export default function ChangePasswordPage() {
  const { t } = useTranslation(['accounts', 'common']);
  const navigate = useNavigate();
  const signOut = useSignOut();
  return (
    <AuthLayout title={t('changePassword.title')}>
      <Stack>
        <Alert color="yellow" icon={<IconShieldLock />} data-testid="password-change-required">
          {t('changePassword.why', { count: PASSWORD_MIN })}
        </Alert>
        <ChangePasswordForm columns={1} onChanged={() => navigate({ to: '/' })} />
        <Button variant="subtle" color="gray" onClick={() => signOut.mutate()} loading={signOut.isPending}>
          {t('common:actions.signOut')}
        </Button>
      </Stack>
    </AuthLayout>
  );
}
