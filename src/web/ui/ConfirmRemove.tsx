// A small trash button that asks before removing an entry from a list: the question and a red button in a
// popover beside it.
import { ActionIcon, Button, Popover, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';

export function ConfirmRemove({
  label,
  question,
  loading,
  onRemove,
}: {
  /** The button's accessible name and the confirming button's text ("Remove entry"). */
  label: string;
  question: string;
  loading: boolean;
  onRemove: () => void;
}) {
  return (
    <Popover position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray" size="md" aria-label={label} loading={loading}>
          <IconTrash size={16} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm" mb="xs">
          {question}
        </Text>
        <Button size="compact-sm" color="red" onClick={onRemove}>
          {label}
        </Button>
      </Popover.Dropdown>
    </Popover>
  );
}
