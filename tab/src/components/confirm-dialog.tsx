import { Button, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { ModalDialog } from './modal-dialog';
import { useI18n } from '../i18n/i18n';

/**
 * A question asked before something that cannot be taken back: its title, what it means, the way
 * out ("Avbryt" unless `cancel` names it) and the action (`confirm`). An alert: clicking beside it
 * does not answer it; Escape is the way out.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  message: string;
  confirm: string;
  cancel?: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <ModalDialog open={props.open} alert onClose={props.onCancel}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent>{props.message}</DialogContent>
          <DialogActions>
            <Button onClick={props.onCancel}>{props.cancel ?? t('common.cancel')}</Button>
            <Button appearance="primary" onClick={props.onConfirm}>{props.confirm}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </ModalDialog>
  );
}
