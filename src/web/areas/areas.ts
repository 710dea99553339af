import {
  IconAddressBook,
  IconChartBar,
  IconHierarchy2,
  IconHome,
  IconNotebook,
  IconSchool,
  IconStairsUp,
  IconTargetArrow,
} from '@tabler/icons-react';

/** The areas of the app in navigation order. `ready: false` areas show a plain "coming" page. */
export const AREAS = [
  { key: 'today', path: '/', icon: IconHome, ready: true },
  { key: 'structure', path: '/structure', icon: IconHierarchy2, ready: true },
  { key: 'contacts', path: '/contacts', icon: IconAddressBook, ready: true },
  { key: 'diary', path: '/diary', icon: IconNotebook, ready: true },
  { key: 'followup', path: '/followup', icon: IconStairsUp, ready: true },
  { key: 'plans', path: '/plans', icon: IconTargetArrow, ready: false },
  { key: 'kpis', path: '/kpis', icon: IconChartBar, ready: true },
  { key: 'trainings', path: '/trainings', icon: IconSchool, ready: true },
] as const;

export type AreaKey = (typeof AREAS)[number]['key'];
export const COMING_AREAS = AREAS.filter((a) => !a.ready);
