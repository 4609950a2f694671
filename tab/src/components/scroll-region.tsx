import { makeStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  region: { overflowX: 'auto', maxWidth: '100%' },
});

/**
 * A table wider than a narrow window scrolls inside this region, never the page. The region takes
 * focus and has a name, so a keyboard user can scroll it with the arrow keys and a screen reader
 * says what it holds.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  const styles = useStyles();
  return <div className={styles.region} role="region" tabIndex={0} aria-label={label}>{children}</div>;
}
