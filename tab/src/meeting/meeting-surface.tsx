import { useMemo, useState } from 'react';
import type { Meeting } from '../../../src/contract';
import { useSession } from '../auth/session';
import { isNoAccessToUnit } from '../api/problem-error';
import { ProblemBar } from '../components/problem-bar';
import { StatusScreen } from '../components/status-screen';
import { useLoad } from '../hooks/use-load';
import { useHost } from '../host/host-context';
import { DetailsView } from './details-view';
import { LinkMeeting } from './link-meeting';
import { MeetingApi } from './meeting-api';
import { standaloneMeetingHost, teamsMeetingHost, type MeetingContext, type MeetingHost } from './meeting-host';
import { useI18n } from '../i18n/i18n';
import { SidePanel } from './side-panel';
import { StageView } from './stage-view';

/** Which meeting surface the frame context asks for. */
export type MeetingSurfaceKind = 'sidePanel' | 'stage' | 'details';

type Resolved =
  | { kind: 'meeting'; meetingId: string }
  | { kind: 'unlinked'; teamsMeetingId: string; chatId?: string }
  /** linked to a unit this person may not see */
  | { kind: 'noAccess' }
  | { kind: 'none' };

/**
 * A meeting surface: finds the Meeting item (the stage's URL names it; the side panel and the
 * details tab find it by Teams' meeting id), offers linking when there is none, then shows the view.
 */
export default function MeetingSurface(props: { surface: MeetingSurfaceKind; meetingId?: string; actionId?: string; host?: MeetingHost }) {
  const { t } = useI18n();
  const { api } = useSession();
  const host = useHost();
  const inTeams = host.state.phase === 'teams';
  const meetingHost = useMemo(() => props.host ?? (inTeams ? teamsMeetingHost() : standaloneMeetingHost), [props.host, inTeams]);
  const meetingApi = useMemo(() => new MeetingApi(api), [api]);
  const [linked, setLinked] = useState<Meeting | null>(null);

  const [resolved] = useLoad(async (): Promise<Resolved> => {
    if (props.meetingId && /^[1-9]\d*$/.test(props.meetingId)) return { kind: 'meeting', meetingId: props.meetingId };
    let context: MeetingContext = {};
    try {
      context = await meetingHost.context();
    } catch {
      // A host that cannot say which meeting: treated as no meeting.
    }
    const teamsMeetingId = context.teamsMeetingId ?? props.meetingId;
    if (!teamsMeetingId) return { kind: 'none' };
    const meeting = await meetingApi.byTeamsId(teamsMeetingId).catch((error: unknown) => {
      if (isNoAccessToUnit(error)) return 'noAccess' as const;
      throw error;
    });
    if (meeting === 'noAccess') return { kind: 'noAccess' };
    if (meeting) return { kind: 'meeting', meetingId: meeting.id };
    return { kind: 'unlinked', teamsMeetingId, ...(context.chatId ? { chatId: context.chatId } : {}) };
  }, `${props.surface}:${props.meetingId ?? ''}`);

  if (resolved.status === 'loading') return <StatusScreen busy message={t('meeting.loadingMeeting')} />;
  if (resolved.status === 'error') return <StatusScreen title={t('common.errorTitle')}><ProblemBar error={resolved.error} /></StatusScreen>;
  const found = linked ? { kind: 'meeting' as const, meetingId: linked.id } : resolved.data;
  if (found.kind === 'none') return <StatusScreen message={t('meeting.noMeeting')} />;
  if (found.kind === 'noAccess') return <StatusScreen title={t('channel.noAccessTitle')} message={t('meeting.noAccessToUnit')} />;
  if (found.kind === 'unlinked') {
    return <LinkMeeting teamsMeetingId={found.teamsMeetingId} {...(found.chatId ? { chatId: found.chatId } : {})} onLinked={setLinked} />;
  }
  if (props.surface === 'stage') return <StageView meetingId={found.meetingId} />;
  if (props.surface === 'details') return <DetailsView meetingId={found.meetingId} />;
  return <SidePanel meetingId={found.meetingId} host={meetingHost} inTeams={inTeams} {...(props.actionId ? { actionId: props.actionId } : {})} />;
}
