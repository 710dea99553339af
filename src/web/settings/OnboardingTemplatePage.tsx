// The organization's onboarding template: the steps, intake questions, presentation starters and contact
// interval new follow-ups start from. Admins edit it (onboarding/TemplateEditor.tsx); anyone else is told
// to ask one of them.
import { Alert, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconLock } from '@tabler/icons-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../accounts/hooks.ts';
import { templateQuery } from '../tools/api.ts';
import { AnchorLink } from '../ui/links.tsx';
import { TemplateEditor } from './onboarding/TemplateEditor.tsx';

function AdminEditor() {
  const { data } = useSuspenseQuery(templateQuery);
  return <TemplateEditor page={data} />;
}

export default function OnboardingTemplatePage() {
  const { t } = useTranslation(['onboarding', 'settings']);
  const me = useMe();
  const isAdmin = me.member.role === 'admin';
  return (
    <Stack gap="md" maw={820} pb="md">
      <AnchorLink to="/settings" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} />
          {t('settings:title')}
        </Group>
      </AnchorLink>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('intro')}
        </Text>
      </Stack>
      {isAdmin ? (
        <AdminEditor />
      ) : (
        <Alert color="gray" icon={<IconLock />} title={t('forbidden.title')} data-testid="template-forbidden">
          {t('forbidden.body')}
        </Alert>
      )}
    </Stack>
  );
}
