import { Button, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Action } from '../../../../src/contract';
import { useSession } from '../../auth/session';
import { fieldError } from '../../components/field-error';
import { ProblemBar } from '../../components/problem-bar';
import { useI18n } from '../../i18n/i18n';
import { ProblemError } from '../../api/problem-error';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  comment: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`, paddingLeft: tokens.spacingHorizontalS },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/**
 * An action's comments as a history (who, when, what; oldest first), and "Kommentera" for those
 * who may update the action: each comment is sent alone with the action's eTag and signed by the
 * server. A refused comment stays in the field with why under it.
 */
export function ActionComments({ action, mayComment, onCommented }: { action: Action; mayComment: boolean; onCommented: (action: Action) => void }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const { api } = useSession();
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const comments = action.comments ?? [];
  const handleComment = async () => {
    setError(null);
    setSaved(false);
    setBusy(true);
    try {
      onCommented(await api.commentAction(action, text));
      setText('');
      setSaved(true);
    } catch (caught) {
      if (caught instanceof ProblemError && caught.isConflict && caught.current) onCommented(caught.current as Action);
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const field = fieldError(error, 'text');
  return (
    <section className={styles.root} aria-labelledby={`comments-${action.id}`}>
      <Text as="h3" id={`comments-${action.id}`} weight="semibold">{t('vocab.term.comments')}</Text>
      {comments.length === 0 ? <Text size={200}>{t('channel.noComments')}</Text> : (
        <ul className={styles.list}>
          {comments.map((c, i) => (
            <li key={`${c.at}-${i}`} className={styles.comment}>
              <Text size={200}>{t('channel.commentBy', { name: c.authorName ?? t('channel.commentUnknownAuthor'), time: `${format.date(c.at)} ${format.time(c.at)}` })}</Text>
              <Text>{c.text}</Text>
            </li>
          ))}
        </ul>
      )}
      {mayComment && (
        <>
          <Field label={t('channel.newComment')} {...field}>
            <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" />
          </Field>
          <div className={styles.row}>
            <Button type="button" onClick={() => void handleComment()} disabled={busy || text.trim() === ''}>{t('channel.commentAction')}</Button>
            <Text size={200} role="status">{saved ? t('channel.commentSaved') : ''}</Text>
          </div>
          {error !== null && !('validationMessage' in field) && <ProblemBar error={error} />}
        </>
      )}
    </section>
  );
}
