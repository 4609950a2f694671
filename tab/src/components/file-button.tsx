import { Button, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useRef } from 'react';
import type { ChangeEvent } from 'react';
import { useI18n } from '../i18n/i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/**
 * Chooses a text file and hands over its text. The browser's own file button speaks the browser's
 * language; this one speaks the tab's, and says the chosen file's name (`fileName`, kept by the form,
 * which may forget it when the text is edited by hand).
 */
export function FileButton(props: { accept: string; testId: string; fileName: string | null; describedBy?: string; onText: (text: string, fileName: string) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const inputId = useId('file');
  const input = useRef<HTMLInputElement>(null);
  const { onText } = props;

  const handleFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    onText(await file.text(), file.name);
  };
  return (
    <div className={styles.root}>
      <input id={inputId} ref={input} type="file" hidden accept={props.accept} onChange={(event) => void handleFile(event)} data-testid={props.testId} />
      <div><Button onClick={() => input.current?.click()} {...(props.describedBy ? { 'aria-describedby': props.describedBy } : {})}>{t('organizer.importFile')}</Button></div>
      {props.fileName && <Text size={200} role="status">{props.fileName}</Text>}
    </div>
  );
}
