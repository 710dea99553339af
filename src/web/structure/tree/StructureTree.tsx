// The interactive genealogy tree: a member's downline drawn left to right, loaded frontline by frontline
// as the person opens it (never the whole downline), with zoom and pan, and search that opens the way
// to a member. Zoom and pan live in useTreeZoom.ts, the requests in useTreeLoading.ts; this file draws.
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowsMinimize,
  IconInfoCircle,
  IconUserPlus,
  IconZoomIn,
  IconZoomOut,
} from '@tabler/icons-react';
import { type JSX, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FirstInvitation } from '../../invitations/FirstInvitation.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { buildTree, emptyTreeState, layoutTree, type TreeMember, type TreeState } from './model.ts';
import { CARD_HEIGHT, CARD_WIDTH, COLUMN_GAP, MemberCard, MoreCard, ROW_GAP } from './TreeCard.tsx';
import { TreeSearch } from './TreeSearch.tsx';
import classes from './tree.module.css';
import { useTreeLoading } from './useTreeLoading.ts';
import { useTreeZoom } from './useTreeZoom.ts';

export interface StructureTreeRoot {
  id: string;
  name: string;
  kind: 'customer' | 'partner';
  status: 'active' | 'inactive' | 'left';
  joinedOn: string;
  frontline: number;
}

const LAYOUT = { cardWidth: CARD_WIDTH, cardHeight: CARD_HEIGHT, columnGap: COLUMN_GAP, rowGap: ROW_GAP };

/** The downline of `root` as a zoomable tree; the root's frontline is opened at once. */
export function StructureTree({ root }: { root: StructureTreeRoot }): JSX.Element {
  if (root.frontline <= 0) return <EmptyTree />;
  return <TreeView key={root.id} root={root} />;
}

/** No one in the structure yet: the way to invite the first people, right here. */
export function EmptyTree() {
  const { t } = useTranslation('tree');
  return (
    <Card withBorder padding="lg" data-testid="tree-empty">
      <Stack align="center" gap="xs" py="md" ta="center">
        <ThemeIcon variant="light" size="xl" radius="xl">
          <IconUserPlus aria-hidden />
        </ThemeIcon>
        <Title order={2} size="h4">
          {t('empty.title')}
        </Title>
        <Text c="dimmed" maw={420}>
          {t('empty.body')}
        </Text>
        <FirstInvitation />
      </Stack>
    </Card>
  );
}

function TreeView({ root }: { root: StructureTreeRoot }) {
  const { t } = useTranslation('tree');
  const rootMember = useMemo<TreeMember>(
    () => ({
      id: root.id,
      name: root.name,
      kind: root.kind,
      status: root.status,
      joinedOn: root.joinedOn,
      frontline: root.frontline,
    }),
    [root.id, root.name, root.kind, root.status, root.joinedOn, root.frontline],
  );

  // The tree state lives in a ref as well, so that sequences of requests (search, paging) build on the
  // latest state rather than on the render they started in.
  const [state, setState] = useState<TreeState>(emptyTreeState);
  const stateRef = useRef(state);
  const commit = useCallback((next: TreeState) => {
    stateRef.current = next;
    setState(next);
  }, []);

  const tree = useMemo(() => layoutTree(buildTree(rootMember, state), LAYOUT), [rootMember, state]);
  const layoutRef = useRef(tree);
  layoutRef.current = tree;

  const nameOf = (id: string) => {
    const datum = layoutRef.current.byId.get(id)?.datum;
    return datum?.type === 'member' ? datum.member.name : root.name;
  };

  const { viewportRef, stageRef, zoomIn, zoomOut, fit, onFocus, placement } = useTreeZoom(tree);
  const {
    busy,
    failure,
    dismissFailure,
    notice,
    dismissNotice,
    highlight,
    revealing,
    onToggle,
    onMore,
    goTo,
  } = useTreeLoading({ root, stateRef, commit, nameOf, view: placement });

  const rootChildren = state.children.get(root.id);
  const initialLoading = !rootChildren && busy.has(root.id);
  const { bounds } = tree;

  return (
    <Stack gap="xs" data-testid="structure-tree">
      <TreeSearch rootId={root.id} busy={revealing} onPick={(hit) => void goTo(hit)} />
      {rootChildren && rootChildren.total === 0 ? (
        <EmptyTree />
      ) : (
        <div className={classes.frame}>
          {/* Before the tree in the tab order: reachable without tabbing through every card. */}
          <Stack gap={6} className={classes.controls} role="group" aria-label={t('zoom.controls')}>
            <ActionIcon variant="default" size="lg" aria-label={t('zoom.in')} onClick={zoomIn}>
              <IconZoomIn size={18} aria-hidden />
            </ActionIcon>
            <ActionIcon variant="default" size="lg" aria-label={t('zoom.out')} onClick={zoomOut}>
              <IconZoomOut size={18} aria-hidden />
            </ActionIcon>
            <ActionIcon variant="default" size="lg" aria-label={t('zoom.fit')} onClick={fit}>
              <IconArrowsMinimize size={18} aria-hidden />
            </ActionIcon>
          </Stack>

          {/* biome-ignore lint/a11y/useSemanticElements: a labelled region around the drawn tree */}
          <div
            ref={viewportRef}
            className={classes.viewport}
            role="region"
            aria-label={t('region', { name: root.name })}
            aria-busy={busy.size > 0 || revealing || undefined}
            onFocus={onFocus}
            data-testid="tree-viewport"
          >
            <div ref={stageRef} className={classes.stage}>
              <svg
                className={classes.links}
                style={{ left: bounds.x0, top: bounds.y0 }}
                width={bounds.x1 - bounds.x0}
                height={bounds.y1 - bounds.y0}
                viewBox={`${bounds.x0} ${bounds.y0} ${bounds.x1 - bounds.x0} ${bounds.y1 - bounds.y0}`}
                aria-hidden
              >
                {tree.links.map((link) => (
                  <path key={link.id} d={link.d} />
                ))}
              </svg>
              {tree.nodes.map(({ datum, x, y }) =>
                datum.type === 'member' ? (
                  <MemberCard
                    key={datum.id}
                    member={datum.member}
                    x={x}
                    y={y}
                    frontline={state.children.get(datum.id)?.total ?? datum.member.frontline}
                    expanded={datum.expanded}
                    loading={busy.has(datum.id)}
                    highlighted={highlight === datum.id}
                    isRoot={datum.id === root.id}
                    onToggle={onToggle}
                  />
                ) : (
                  <MoreCard
                    key={datum.id}
                    sponsorId={datum.sponsorId}
                    sponsorName={nameOf(datum.sponsorId)}
                    x={x}
                    y={y}
                    next={datum.next}
                    shown={datum.shown}
                    total={datum.total}
                    loading={busy.has(datum.id)}
                    onMore={onMore}
                  />
                ),
              )}
            </div>
          </div>

          {initialLoading && (
            <Center pos="absolute" inset={0} role="status" aria-label={t('loading')}>
              <Loader />
            </Center>
          )}

          {(failure || notice) && (
            <div className={classes.overlay}>
              {failure ? (
                <Alert
                  color="red"
                  icon={<IconAlertTriangle aria-hidden />}
                  role="alert"
                  withCloseButton
                  closeButtonLabel={t('error.dismiss')}
                  onClose={dismissFailure}
                  data-testid="tree-error"
                >
                  <Text size="sm">
                    {t('error.load', { name: failure.name, message: errorMessage(t, failure.error) })}
                  </Text>
                  <Button size="xs" variant="light" color="red" mt="xs" onClick={failure.retry}>
                    {t('error.retry')}
                  </Button>
                </Alert>
              ) : (
                <Alert
                  color="yellow"
                  icon={<IconInfoCircle aria-hidden />}
                  role="status"
                  withCloseButton
                  closeButtonLabel={t('error.dismiss')}
                  onClose={dismissNotice}
                >
                  <Text size="sm">{notice}</Text>
                </Alert>
              )}
            </div>
          )}
        </div>
      )}
      <Group gap={4} wrap="nowrap">
        <Text size="xs" c="dimmed">
          {t('help')}
        </Text>
      </Group>
    </Stack>
  );
}
