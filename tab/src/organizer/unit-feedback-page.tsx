import { makeStyles, tokens } from '@fluentui/react-components';
import { useSession } from '../auth/session';
import { ConfirmFeedback } from './feedback/confirm-feedback';

const useStyles = makeStyles({
  root: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}` },
});

/**
 * The unit's side of feedback (`?view=feedback&unitId=`): the organizer's latest feedback and
 * "Bekräfta läst" for the principal. The same `ConfirmFeedback` fits in the channel tab's overview.
 */
export default function UnitFeedbackPage({ unitId }: { unitId: string }) {
  const styles = useStyles();
  const { api } = useSession();
  return (
    <main className={styles.root}>
      <ConfirmFeedback api={api} unitId={unitId} />
    </main>
  );
}
