// Writing a plan: its items in a dialog (full screen on a phone), starting from the plan as it is or
// else from the proposal of the level above. Saving replaces the plan's items; the server's field errors
// land under their rows. A plan can also be deleted here, after a confirmation.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Confirm } from '../ui/Confirm.tsx';
import { errorMessage, fieldErrors } from '../ui/errors.ts';
import { deletePlan, type PlanPage, refreshPlans, savePlan } from './api.ts';
import { checkDrafts, type DraftItem, draftsOf, inputsOf, PlanItemsEditor } from './PlanItemsEditor.tsx';
import { usePeriodLabel } from './parts.tsx';

function EditorBody({ page, onClose }: { page: PlanPage; onClose: () => void }) {
  const { t } = useTranslation(['plans', 'errors', 'common']);
  const queryClient = useQueryClient();
  const [drafts, setDrafts] = useState<DraftItem[]>(() => draftsOf(page.plan, page.proposal));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const fromProposal = !page.plan && page.proposal.length > 0;

  const save = useMutation({
    mutationFn: () => savePlan(page.level, page.start, inputsOf(drafts)),
    onSuccess: (saved) => {
      refreshPlans(queryClient, saved);
      notifications.show({ color: 'teal', message: t('editor.saved') });
      onClose();
    },
    onError: (error) => {
      setErrors(fieldErrors(t, error));
      notifications.show({ color: 'red', message: errorMessage(t, error) });
    },
  });
  const remove = useMutation({
    mutationFn: () => deletePlan(page.level, page.start),
    onSuccess: () => {
      refreshPlans(queryClient);
      notifications.show({ color: 'teal', message: t('editor.deleted') });
      onClose();
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });

  const submit = () => {
    const found = checkDrafts(t, drafts);
    if (drafts.length === 0) found.items = t('editor.atLeastOne');
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
      data-testid="plan-editor"
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {fromProposal ? t('editor.fromProposal') : t(`editor.hint.${page.level}`)}
        </Text>
        <PlanItemsEditor value={drafts} onChange={setDrafts} errors={errors} />
        <Group justify="space-between" gap="xs" mt="xs">
          {page.plan ? (
            <Button
              variant="subtle"
              color="red"
              onClick={() => setConfirming(true)}
              data-testid="plan-delete"
            >
              {t('editor.delete')}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="xs" ml="auto">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="plan-save">
              {t('editor.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
      <Confirm
        opened={confirming}
        title={t('editor.deleteTitle')}
        body={t('editor.deleteBody')}
        confirm={t('editor.delete')}
        loading={remove.isPending}
        onConfirm={() => remove.mutate()}
        onClose={() => setConfirming(false)}
        testId="plan-delete-confirm"
      />
    </form>
  );
}

export function PlanEditor({
  page,
  opened,
  onClose,
}: {
  page: PlanPage;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('plans');
  const label = usePeriodLabel();
  const phone = useMediaQuery('(max-width: 48em)');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={`${t(`planName.${page.level}`)} · ${label(page.level, page.start)}`}
      fullScreen={phone}
      size="lg"
    >
      {/* Mounted only while open, so each opening starts from the plan as it is now. */}
      {opened && <EditorBody page={page} onClose={onClose} />}
    </Modal>
  );
}
