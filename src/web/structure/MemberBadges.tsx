import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Kind and (unless active) status of a member, as small badges. */
export function MemberBadges({
  kind,
  status,
}: {
  kind: 'customer' | 'partner';
  status: 'active' | 'inactive' | 'left';
}) {
  const { t } = useTranslation('structure');
  return (
    <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
      <Badge size="sm" variant="light" color={kind === 'partner' ? 'teal' : 'orange'}>
        {t(`kind.${kind}`)}
      </Badge>
      {status !== 'active' && (
        <Badge size="sm" variant="outline" color="gray">
          {t(`status.${status}`)}
        </Badge>
      )}
    </Group>
  );
}
