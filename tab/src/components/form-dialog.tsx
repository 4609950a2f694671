import {
  Button, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens,
} from '@fluentui/react-components';
import { ModalDialog } from './modal-dialog';
import type { FormEvent, ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/**
 * A modal form: its title, its fields, Avbryt and Spara. Enter in a field submits; Escape and
 * Avbryt close it. `saveDisabled` while it saves or a conflict waits for the user's choice.
 */
export function FormDialog(props: { title: string; saveDisabled: boolean; onSubmit: () => void; onClose: () => void; children: ReactNode }) {
  const styles = useStyles();
  const { t } = useI18n();
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };
  return (
    <ModalDialog onClose={props.onClose}>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={handleSubmit}>
          <DialogBody>
            <DialogTitle>{props.title}</DialogTitle>
            <DialogContent className={styles.form}>{props.children}</DialogContent>
            <DialogActions>
              <Button type="button" onClick={props.onClose}>{t('common.cancel')}</Button>
              <Button type="submit" appearance="primary" disabled={props.saveDisabled}>{t('common.save')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </ModalDialog>
  );
}
