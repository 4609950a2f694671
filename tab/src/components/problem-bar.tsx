import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ProblemError } from '../api/problem-error';
import { useI18n } from '../i18n/i18n';

/** Shows an API error: the problem's `detail`, or a network message. */
export function ProblemBar({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const message = error instanceof ProblemError ? (error.status === 0 ? t('common.errorNetwork') : error.detail) : String(error);
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t('common.errorTitle')}</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}
