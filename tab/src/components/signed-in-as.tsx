import { Button, Text } from '@fluentui/react-components';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';

/** "Inloggad som …" and "Byt person" (where the sign-in can switch person), as every page shows them. */
export function SignedInAs({ className }: { className: string }) {
  const { t } = useI18n();
  const { name, switchPerson } = useSession();
  return (
    <div className={className}>
      {name && <Text size={200}>{t('common.signedInAs', { name })}</Text>}
      {switchPerson && <Button size="small" onClick={switchPerson}>{t('common.switchPerson')}</Button>}
    </div>
  );
}
