import {
  Button, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent, type ReactNode } from 'react';
import { ConfirmDialog } from './confirm-dialog';
import { ModalDialog } from './modal-dialog';
import { useI18n } from '../i18n/i18n';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/**
 * Every modal form: its title, its fields, Avbryt and Spara. Enter in a field submits. Escape,
 * Avbryt and a click beside it close it at once while its `values` are what it opened with; once
 * the user has changed them, it first asks whether to discard what they wrote ("Släng") or keep
 * writing. `saveDisabled` while it saves or a conflict waits for the user's choice; `open` for a
 * dialog kept mounted while closed (a new key each time it opens, so `values` start over).
 */
export function FormDialog(props: {
  title: string;
  values: unknown;
  saveDisabled: boolean;
  open?: boolean;
  /** the form's own messages say what is missing, not the browser's */
  noValidate?: boolean;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const [opening] = useState(() => JSON.stringify(props.values));
  const [asking, setAsking] = useState(false);
  const handleClose = () => {
    if (JSON.stringify(props.values) === opening) props.onClose();
    else setAsking(true);
  };
  const handleDiscard = () => {
    setAsking(false);
    props.onClose();
  };
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };
  return (
    <ModalDialog {...(props.open === undefined ? {} : { open: props.open })} onClose={handleClose}>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={handleSubmit} noValidate={props.noValidate}>
          <DialogBody>
            <DialogTitle>{props.title}</DialogTitle>
            <DialogContent className={styles.form}>{props.children}</DialogContent>
            <DialogActions>
              <Button type="button" onClick={handleClose}>{t('common.cancel')}</Button>
              <Button type="submit" appearance="primary" disabled={props.saveDisabled}>{t('common.save')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
        <ConfirmDialog
          open={asking}
          title={t('common.discardTitle')}
          message={t('common.discardText')}
          confirm={t('common.discard')}
          cancel={t('common.keepWriting')}
          onConfirm={handleDiscard}
          onCancel={() => setAsking(false)}
        />
      </DialogSurface>
    </ModalDialog>
  );
}
