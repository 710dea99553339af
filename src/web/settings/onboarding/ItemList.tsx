// One of the template's lists — steps, questions, starters — as cards: each with its name and buttons to
// move it up or down or remove it, then the button adding one. Moving, removing or adding items changes
// the positions the server's objections refer to: they go.
import { ActionIcon, Button, Card, Group, Text, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListName, TemplateValues } from './draft.ts';
import type { TemplateForm } from './parts.tsx';

type Item<K extends ListName> = TemplateValues[K][number];

export function ItemList<K extends ListName>({
  form,
  list,
  minimum,
  maximum,
  name,
  addLabel,
  newItem,
  testId,
  children,
}: {
  form: TemplateForm;
  list: K;
  /** The fewest items the list may keep (none if not given). */
  minimum?: number;
  /** The most it may have. */
  maximum: number;
  /** The item at position n (from 1), as its card's heading says it. */
  name: (n: number) => string;
  addLabel: string;
  newItem: () => Item<K>;
  testId: string;
  /** The item's fields. */
  children: (item: Item<K>, index: number) => ReactNode;
}) {
  const items = form.values[list] as Item<K>[];
  const changed = () => form.clearErrors();
  return (
    <>
      {items.map((item, i) => (
        <Card key={item.uid} withBorder padding="sm" bg="gray.0" data-testid={testId}>
          <ItemHeader
            actions={
              <ItemActions
                index={i}
                count={items.length}
                minimum={minimum}
                what={name(i + 1)}
                onMove={(to) => {
                  form.reorderListItem(list, { from: i, to });
                  changed();
                }}
                onRemove={() => {
                  form.removeListItem(list, i);
                  changed();
                }}
              />
            }
          >
            {name(i + 1)}
          </ItemHeader>
          {children(item, i)}
        </Card>
      ))}
      <AddButton
        label={addLabel}
        disabled={items.length >= maximum}
        onClick={() => {
          form.insertListItem(list, newItem() as never);
          changed();
        }}
      />
    </>
  );
}

/** Up, down, remove — for one item of a list. */
function ItemActions({
  index,
  count,
  minimum = 0,
  onMove,
  onRemove,
  what,
}: {
  index: number;
  count: number;
  minimum?: number;
  onMove: (to: number) => void;
  onRemove: () => void;
  what: string;
}) {
  const { t } = useTranslation('onboarding');
  const actions = [
    { label: t('item.up', { what }), icon: IconArrowUp, disabled: index === 0, run: () => onMove(index - 1) },
    {
      label: t('item.down', { what }),
      icon: IconArrowDown,
      disabled: index === count - 1,
      run: () => onMove(index + 1),
    },
  ];
  return (
    <Group gap={4} wrap="nowrap">
      {actions.map((a) => (
        <Tooltip key={a.label} label={a.label} openDelay={400}>
          <ActionIcon variant="default" size="lg" aria-label={a.label} disabled={a.disabled} onClick={a.run}>
            <a.icon size={16} />
          </ActionIcon>
        </Tooltip>
      ))}
      <Tooltip label={t('item.remove', { what })} openDelay={400}>
        <ActionIcon
          variant="subtle"
          color="red"
          size="lg"
          aria-label={t('item.remove', { what })}
          disabled={count <= minimum}
          onClick={onRemove}
        >
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

function ItemHeader({ children, actions }: { children: ReactNode; actions: ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" mb="xs">
      <Text fw={650} size="sm" c="dimmed" tt="uppercase">
        {children}
      </Text>
      {actions}
    </Group>
  );
}

function AddButton({ label, onClick, disabled }: { label: string; onClick: () => void; disabled: boolean }) {
  return (
    <Group>
      <Button variant="light" leftSection={<IconPlus size={16} />} onClick={onClick} disabled={disabled}>
        {label}
      </Button>
    </Group>
  );
}
