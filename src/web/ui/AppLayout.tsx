import { AppShell, Burger, Divider, Group, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLogout, IconSettings } from '@tabler/icons-react';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe, useSignOut } from '../accounts/hooks.ts';
import { useTimeZoneSync } from '../accounts/useTimeZone.ts';
import { AREAS } from '../areas/areas.ts';
import { LanguageMenu } from './LanguageMenu.tsx';
import { Logo } from './Logo.tsx';
import { QuickCaptureMenu } from './QuickCapture.tsx';

export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const me = useMe();
  useTimeZoneSync(me);
  const signOut = useSignOut();
  const pathname = useRouterState({ select: (s) => s.location.pathname });

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap" miw={0}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
            />
            <Link
              to="/"
              onClick={close}
              style={{
                display: 'flex',
                alignItems: 'center',
                gap: 8,
                color: 'inherit',
                textDecoration: 'none',
              }}
            >
              <Logo size={28} />
              <Title order={2} size="h4">
                {t('appName')}
              </Title>
            </Link>
            <Text c="dimmed" size="sm" truncate visibleFrom="xs" data-testid="organization-name">
              {me.organization.name}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <QuickCaptureMenu />
            <LanguageMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t('nav.main')}>
        <AppShell.Section grow component={ScrollArea}>
          {AREAS.map((area) => (
            <NavLink
              key={area.key}
              component={Link}
              to={area.path}
              label={t(`nav.${area.key}`)}
              leftSection={<area.icon size={20} stroke={1.6} />}
              active={area.path === '/' ? pathname === '/' : pathname.startsWith(area.path)}
              onClick={close}
            />
          ))}
        </AppShell.Section>
        <AppShell.Section>
          <Divider my="xs" />
          <NavLink
            component={Link}
            to="/settings"
            label={t('nav.settings')}
            leftSection={<IconSettings size={20} stroke={1.6} />}
            active={pathname.startsWith('/settings')}
            onClick={close}
          />
          <NavLink
            component="button"
            label={t('actions.signOut')}
            description={me.user.name}
            leftSection={<IconLogout size={20} stroke={1.6} />}
            onClick={() => signOut.mutate()}
            disabled={signOut.isPending}
            data-testid="sign-out"
          />
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
