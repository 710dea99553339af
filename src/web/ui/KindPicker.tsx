// Choosing what kind of thing is logged or captured (a call, a message, a meeting; an event, a task, a
// note): each kind its icon above a short name, a few taps wide on a phone.
import { SegmentedControl, Stack, Text } from '@mantine/core';
import type { ComponentType } from 'react';

type KindIcon = ComponentType<{ size?: number; stroke?: number }>;

/** A kind's icon above its name, as a picker's choice or inside a button; `fullName` where the name is short. */
export function KindLabel({
  icon: Icon,
  name,
  fullName,
}: {
  icon: KindIcon;
  name: string;
  fullName?: string;
}) {
  return (
    <Stack gap={2} align="center" aria-label={fullName}>
      <Icon size={20} stroke={1.6} />
      <Text size="xs" lh={1.1} style={{ whiteSpace: 'nowrap' }}>
        {name}
      </Text>
    </Stack>
  );
}

export function KindPicker<K extends string>({
  kinds,
  icons,
  value,
  onChange,
  label,
  name,
  fullName,
}: {
  kinds: readonly K[];
  icons: Record<NoInfer<K>, KindIcon>;
  value: K;
  onChange: (kind: K) => void;
  /** The picker's accessible name. */
  label: string;
  name: (kind: K) => string;
  fullName?: (kind: K) => string;
}) {
  return (
    <SegmentedControl<K>
      fullWidth
      // Five kinds share a phone's width: narrow side padding leaves their names room.
      styles={{ label: { paddingInline: 4 } }}
      value={value}
      onChange={onChange}
      aria-label={label}
      data={kinds.map((k) => ({
        value: k,
        label: <KindLabel icon={icons[k]} name={name(k)} fullName={fullName?.(k)} />,
      }))}
    />
  );
}
