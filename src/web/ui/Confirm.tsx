// Asking before something that cannot be taken back: a small dialog with the question, "Cancel" and the
// action's own button, red where something is lost.
import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Confirm({
  opened,
  title,
  body,
  confirm,
  loading,
  onConfirm,
  onClose,
  danger = true,
  testId,
}: {
  opened: boolean;
  title: string;
  body: string;
  /** The confirming button's text. */
  confirm: string;
  loading?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  /** A red confirming button (the default); else the theme's own colour. */
  danger?: boolean;
  /** The confirming button's test id. */
  testId?: string;
}) {
  const { t } = useTranslation('common');
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Text size="sm" mb="md">
        {body}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('actions.cancel')}
        </Button>
        <Button color={danger ? 'red' : undefined} loading={loading} onClick={onConfirm} data-testid={testId}>
          {confirm}
        </Button>
      </Group>
    </Modal>
  );
}
