// When to call back after a note: in 1, 2 or 7 days or on a day picked, and a line saying what that means.
import { Chip, Group, Input, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDay } from '../../contacts/parts.tsx';

export type CallBack = '1' | '2' | '7' | 'pick';

const OPTIONS: CallBack[] = ['1', '2', '7', 'pick'];

export function CallBackField({
  value,
  onChange,
  picked,
  onPick,
  today,
  shown,
  linked,
  error,
}: {
  value: CallBack | null;
  onChange: (value: CallBack | null) => void;
  /** The day picked for `pick`. */
  picked: string;
  onPick: (day: string) => void;
  today: string;
  /** The call-back date as it stands now (counted from today), if any. */
  shown: string | null;
  /** Whether the note is linked to a contact (a call back needs one). */
  linked: boolean;
  error?: string;
}) {
  const { t } = useTranslation('diary');
  const formatDay = useDay();
  return (
    <Stack gap={6}>
      <Input.Label id="call-back-label">{t('fields.callBackOn')}</Input.Label>
      <Group gap={6} role="group" aria-labelledby="call-back-label">
        {OPTIONS.map((option) => (
          <Chip
            key={option}
            size="sm"
            checked={value === option}
            onChange={() => onChange(value === option ? null : option)}
          >
            {t(`callBack.${option}`)}
          </Chip>
        ))}
      </Group>
      {value === 'pick' && (
        <TextInput
          type="date"
          aria-label={t('callBack.pick')}
          min={today}
          value={picked}
          onChange={(e) => onPick(e.currentTarget.value)}
          maw={220}
        />
      )}
      <Text size="xs" c="dimmed" data-testid="call-back-hint">
        {shown
          ? linked
            ? t('callBack.on', {
                date: formatDay(shown, { weekday: 'long', day: 'numeric', month: 'long' }),
              })
            : t('callBack.needsContact')
          : t('callBack.none')}
      </Text>
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}
