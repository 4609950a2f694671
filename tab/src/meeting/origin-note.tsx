import { Text } from '@fluentui/react-components';
import type { TextProps } from '@fluentui/react-components';
import type { Action } from '../../../src/contract';
import { originNote } from '../views/actions/action-origin';
import { useI18n } from '../i18n/i18n';

/** "Utgår från en analys/brist" for an action recorded in the meeting from elsewhere; nothing for the meeting's own. */
export function OriginNote(props: { action: Pick<Action, 'originKind'>; prefix?: string; size?: TextProps['size'] }) {
  const { t } = useI18n();
  const note = originNote(props.action);
  if (!note) return null;
  return <Text {...(props.size !== undefined ? { size: props.size } : {})}>{props.prefix ?? ''}{t(note)}</Text>;
}
