// The cards of the genealogy tree: a member (name links to the member page, toggle opens the frontline)
// and the "show more" card at the end of a frontline longer than one page.
import { Badge, Loader } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import type { TreeMember } from './model.ts';
import classes from './tree.module.css';

export const CARD_WIDTH = 212;
export const CARD_HEIGHT = 72;
/** Space between a card and the column of its frontline. */
export const COLUMN_GAP = 48;
/** Space between two cards of a column. */
export const ROW_GAP = 12;

interface MemberCardProps {
  member: TreeMember;
  x: number;
  y: number;
  /** Frontline size to show: the loaded total once known, else the member's own count. */
  frontline: number;
  expanded: boolean;
  loading: boolean;
  highlighted: boolean;
  isRoot: boolean;
  onToggle: (id: string) => void;
}

export const MemberCard = memo(function MemberCard({
  member,
  x,
  y,
  frontline,
  expanded,
  loading,
  highlighted,
  isRoot,
  onToggle,
}: MemberCardProps) {
  const { t } = useTranslation('tree');
  const format = useFormat();
  const count = format.number(frontline);
  return (
    <div
      className={classes.card}
      style={{ left: x, top: y, width: CARD_WIDTH, height: CARD_HEIGHT }}
      data-node-id={member.id}
      data-kind={member.kind}
      data-status={member.status}
      data-highlight={highlighted || undefined}
      data-root={isRoot || undefined}
      data-testid="tree-node"
    >
      <Link
        to="/structure/members/$id"
        params={{ id: member.id }}
        // Panning sweeps the pointer across many cards: no preloading of every page it passes.
        preload={false}
        className={`${classes.name} ${classes.dimmable}`}
        title={member.name}
        data-testid="tree-node-name"
      >
        {member.name}
      </Link>
      <div className={`${classes.meta} ${classes.dimmable}`}>
        <Badge
          size="xs"
          variant="light"
          color={member.kind === 'partner' ? 'teal' : 'orange'}
          style={{ flexShrink: 0 }}
        >
          {t(`kind.${member.kind}`)}
        </Badge>
        {member.status !== 'active' && (
          <Badge
            size="xs"
            variant="outline"
            color="gray"
            style={{ flexShrink: 0 }}
            data-testid="tree-node-status"
          >
            {t(`status.${member.status}`)}
          </Badge>
        )}
      </div>
      <div className={`${classes.date} ${classes.dimmable}`}>
        {isRoot
          ? t('card.root')
          : t('card.joined', {
              date: format.date(member.joinedOn, { dateStyle: 'medium', timeZone: 'UTC' }),
            })}
      </div>
      {frontline > 0 && (
        <button
          type="button"
          className={classes.toggle}
          aria-expanded={expanded}
          aria-busy={loading || undefined}
          aria-label={t(expanded ? 'toggle.collapse' : 'toggle.expand', { name: member.name, count })}
          onClick={() => onToggle(member.id)}
          data-testid="tree-node-toggle"
        >
          {loading ? (
            <Loader size={12} color="currentColor" />
          ) : expanded ? (
            <IconChevronLeft size={14} aria-hidden />
          ) : (
            <IconChevronRight size={14} aria-hidden />
          )}
          <span aria-hidden>{count}</span>
        </button>
      )}
    </div>
  );
});

interface MoreCardProps {
  sponsorId: string;
  sponsorName: string;
  x: number;
  y: number;
  next: number;
  shown: number;
  total: number;
  loading: boolean;
  onMore: (sponsorId: string) => void;
}

export const MoreCard = memo(function MoreCard({
  sponsorId,
  sponsorName,
  x,
  y,
  next,
  shown,
  total,
  loading,
  onMore,
}: MoreCardProps) {
  const { t } = useTranslation('tree');
  const format = useFormat();
  const counts = { count: next, shown: format.number(shown), total: format.number(total) };
  return (
    <button
      type="button"
      className={classes.more}
      style={{ left: x, top: y, width: CARD_WIDTH, height: CARD_HEIGHT }}
      aria-busy={loading || undefined}
      aria-label={t('more.aria', { ...counts, name: sponsorName })}
      onClick={() => onMore(sponsorId)}
      data-more-id={sponsorId}
      data-testid="tree-more"
    >
      <span>{loading ? <Loader size={14} /> : t('more.label', counts)}</span>
      <small>{t('more.progress', counts)}</small>
    </button>
  );
});
