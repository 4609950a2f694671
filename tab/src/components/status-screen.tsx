import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalXXL,
    maxWidth: '640px',
  },
});

/**
 * A page's or a view's state (loading, error, nothing configured): the page is never blank.
 * `as="div"` inside a page that already has its `<main>` landmark.
 */
export function StatusScreen(props: { as?: 'main' | 'div'; title?: string; message?: string; busy?: boolean; actionLabel?: string; onAction?: () => void; children?: ReactNode }) {
  const styles = useStyles();
  const Root = props.as ?? 'main';
  return (
    <Root className={styles.root} aria-busy={props.busy ? true : undefined}>
      {props.title && <Text as="h1" size={600} weight="semibold">{props.title}</Text>}
      {props.busy ? <Spinner label={props.message} /> : props.message && <Text role="status">{props.message}</Text>}
      {props.children}
      {props.actionLabel && props.onAction && <Button appearance="primary" onClick={props.onAction}>{props.actionLabel}</Button>}
    </Root>
  );
}
