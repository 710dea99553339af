import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageMenu } from './LanguageMenu.tsx';
import { Logo } from './Logo.tsx';

/** The frame of the pages before sign-in: brand, language switch and one card. */
export function AuthLayout({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Box mih="100dvh" bg="var(--mantine-color-gray-0)" px="sm" py="lg">
      <Group justify="space-between" maw={440} mx="auto" mb="lg" wrap="nowrap" align="flex-start">
        <Group gap="xs" wrap="nowrap" miw={0} style={{ flex: 1 }}>
          <Logo size={32} />
          <Stack gap={0} miw={0}>
            <Title order={2} size="h4">
              {t('appName')}
            </Title>
            <Text size="xs" c="dimmed" lineClamp={2}>
              {t('tagline')}
            </Text>
          </Stack>
        </Group>
        <LanguageMenu />
      </Group>
      <Center>
        <Paper withBorder shadow="sm" radius="md" p={{ base: 'md', xs: 'xl' }} w="100%" maw={440}>
          <Title order={1} size="h2" mb={4}>
            {title}
          </Title>
          {subtitle && (
            <Text c="dimmed" size="sm" mb="lg">
              {subtitle}
            </Text>
          )}
          {children}
        </Paper>
      </Center>
    </Box>
  );
}
