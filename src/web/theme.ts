import { Badge, Button, Chip, createTheme, SegmentedControl } from '@mantine/core';
import classes from './theme.module.css';

export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 7,
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  // Long German and Bulgarian labels wrap instead of being cut off (theme.module.css).
  components: {
    Button: Button.extend({
      classNames: { root: classes.buttonRoot, inner: classes.buttonInner, label: classes.buttonLabel },
    }),
    Badge: Badge.extend({ classNames: { root: classes.badgeRoot, label: classes.badgeLabel } }),
    SegmentedControl: SegmentedControl.extend({
      classNames: { root: classes.segmentedRoot, label: classes.segmentedLabel },
    }),
    Chip: Chip.extend({ classNames: { label: classes.chipLabel } }),
  },
});
