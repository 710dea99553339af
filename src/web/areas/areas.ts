import {
  IconAddressBook,
  IconChartBar,
  IconHierarchy2,
  IconHome,
  IconNotebook,
  IconReceipt,
  IconSchool,
  IconStairsUp,
  IconTargetArrow,
} from '@tabler/icons-react';

/**
 * The areas of the app in navigation order: the daily work first (orders are posted all the time, so
 * they sit with the diary), then following up, planning and the numbers.
 */
export const AREAS = [
  { key: 'today', path: '/', icon: IconHome },
  { key: 'structure', path: '/structure', icon: IconHierarchy2 },
  { key: 'contacts', path: '/contacts', icon: IconAddressBook },
  { key: 'diary', path: '/diary', icon: IconNotebook },
  { key: 'orders', path: '/orders', icon: IconReceipt },
  { key: 'followup', path: '/followup', icon: IconStairsUp },
  { key: 'plans', path: '/plans', icon: IconTargetArrow },
  { key: 'kpis', path: '/kpis', icon: IconChartBar },
  { key: 'trainings', path: '/trainings', icon: IconSchool },
] as const;

export type AreaKey = (typeof AREAS)[number]['key'];
