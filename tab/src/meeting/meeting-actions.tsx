import { Badge, Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { MouseEvent } from 'react';
import type { Action, Goal, MeetingLive } from '../../../src/contract';
import { dueDateLine } from '../../../src/domain/vocabulary';
import { ActionDialog } from '../views/actions/action-dialog';
import { useI18n } from '../i18n/i18n';
import { OriginNote } from './origin-note';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2,
  },
  head: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  title: { overflowWrap: 'anywhere' },
  badge: { flexShrink: 0, whiteSpace: 'nowrap' },
  // the action the panel was opened at: marked by more than colour, and where focus lands
  shown: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, outlineOffset: '0' },
});

/**
 * The meeting's actions: each with owner and due date (and what it comes from, when that is not
 * the meeting). New ones and edits through the one action dialog, opened in the meeting: a new
 * action comes from the meeting or one of the unit's analyses or open deficiencies, and an edit's
 * conflict panel shows a concurrent edit instead of overwriting it.
 */
export function MeetingActions(props: { live: MeetingLive; goals: readonly Goal[]; onSaved: () => void; shown?: string }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const { meeting, actions, people, canRecord } = props.live;
  const [editing, setEditing] = useState<{ action?: Action } | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const newButton = useRef<HTMLButtonElement | null>(null);
  const open = (action?: Action) => (event: MouseEvent<HTMLElement>) => {
    opener.current = event.currentTarget;
    setEditing(action ? { action } : {});
  };
  // Focus goes back to the button that opened the dialog, before the dialog goes: that also ends
  // its modal state. The focus manager hides the rest of the page while a dialog is active, and
  // only a focus outside it (not the dialog's unmounting) makes it show the page to screen readers
  // again; a focus after the unmount would come too late.
  const close = () => {
    const target = opener.current?.isConnected ? opener.current : newButton.current;
    target?.focus();
    setEditing(null);
  };
  // The action the panel was opened at is scrolled into view and focused once, when it is first
  // listed; the live refreshes after that leave focus where the user has moved it.
  const shownItem = useRef<HTMLLIElement | null>(null);
  const shownOnce = useRef(false);
  const isListed = actions.some((action) => action.id === props.shown);
  useEffect(() => {
    if (!isListed || shownOnce.current || !shownItem.current) return;
    shownOnce.current = true;
    shownItem.current.scrollIntoView({ block: 'center' });
    shownItem.current.focus();
  }, [isListed]);
  const unitId = meeting.unitId;
  // The one who records comes first: most actions are taken by the person who types them.
  const owners = [...people]
    .sort((a, b) => Number(b.roles.includes('you')) - Number(a.roles.includes('you')))
    .map((person) => ({ id: person.userId, name: person.name }));

  return (
    <>
      {actions.length === 0 ? (
        <Text>{t('common.noActionsYet')}</Text>
      ) : (
        <ul className={styles.list} data-testid="meeting-actions">
          {actions.map((action) => (
            <li
              key={action.id}
              data-testid="meeting-action"
              {...(action.id === props.shown
                ? { ref: shownItem, tabIndex: -1, className: mergeClasses(styles.item, styles.shown), 'aria-current': 'true' as const }
                : { className: styles.item })}
            >
              <div className={styles.head}>
                <Text weight="semibold" className={styles.title}>{action.title}</Text>
                <Badge appearance="tint" className={styles.badge}>{t(`vocab.actionStatus.${action.status}`)}</Badge>
              </div>
              <Text size={200}>{t('vocab.term.owner')}: {action.ownerName ?? action.ownerId}</Text>
              <Text size={200}>{dueDateLine(action.dueDate, format)}</Text>
              <OriginNote action={action} size={200} />
              {canRecord && unitId && (
                <Button size="small" onClick={open(action)} aria-label={t('common.editNamed', { title: action.title })}>
                  {t('common.edit')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canRecord && unitId && (
        <Button appearance="primary" ref={newButton} onClick={open()}>{t('common.newAction')}</Button>
      )}
      {editing && unitId && (
        <ActionDialog
          unitId={unitId}
          schoolYear={meeting.schoolYear}
          origin={{ in: 'meeting', meetingId: meeting.id }}
          {...(editing.action ? { action: editing.action } : {})}
          people={owners}
          goals={props.goals}
          onSaved={() => {
            close();
            props.onSaved();
          }}
          onClose={close}
        />
      )}
    </>
  );
}
