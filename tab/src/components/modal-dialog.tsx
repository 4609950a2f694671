import { Dialog } from '@fluentui/react-components';
import { useLayoutEffect, useRef, type ReactElement } from 'react';

/**
 * Every modal dialog of the tab: Fluent's Dialog, which closes on Escape, and which gives focus
 * back to what opened it when it closes (a button, a card's "Redigera") rather than leaving it
 * on the page's body. The opener is whatever held focus when the dialog opened; when it is gone
 * by then (the list it was in re-rendered), focus goes to the element that now has its id.
 */
/** `alert` for a question that must be answered (no closing by clicking beside it). */
export function ModalDialog(props: { open?: boolean; alert?: boolean; onClose: () => void; children: ReactElement }) {
  const open = props.open ?? true;
  useReturnFocus(open);
  return (
    <Dialog open={open} modalType={props.alert ? 'alert' : 'modal'} onOpenChange={(_, data) => { if (!data.open) props.onClose(); }}>
      {props.children}
    </Dialog>
  );
}

function useReturnFocus(open: boolean) {
  const opener = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (!open) return undefined;
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
    return () => {
      const target = opener.current;
      opener.current = null;
      if (!target) return;
      // after the dialog's own focus handling has run, so the opener keeps focus
      setTimeout(() => {
        const back = target.isConnected ? target : target.id ? document.getElementById(target.id) : null;
        if (back && (document.activeElement === document.body || document.activeElement === null || !document.activeElement.isConnected)) back.focus();
      }, 0);
    };
  }, [open]);
}
