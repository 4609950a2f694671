import type { ActionStatus, AnalysisStatus, MeetingType, OriginKind, ParticipantRole, PhaseState } from '../../../src/domain';
import type { MessageKey } from '../i18n/sv';

/** Dictionary keys for the domain's enumerations, shared by the views and the report. */
export const statusLabel: Record<ActionStatus, MessageKey> = {
  planned: 'statusPlanned', inProgress: 'statusInProgress', done: 'statusDone', cancelled: 'statusCancelled',
};
export const originLabel: Record<OriginKind, MessageKey> = {
  analysis: 'originAnalysis', meeting: 'originMeeting', deficiency: 'originDeficiency',
};
export const analysisStatusLabel: Record<AnalysisStatus, MessageKey> = {
  draft: 'analysisStatusDraft', submitted: 'analysisStatusSubmitted', feedbackGiven: 'analysisStatusFeedbackGiven',
};
export const phaseStateLabel: Record<PhaseState, MessageKey> = {
  notStarted: 'phaseStateNotStarted', inProgress: 'phaseStateInProgress', done: 'phaseStateDone',
};
/** The cycle's four phases in order, with their name and the question each answers. */
export const phases = [
  { key: 'followUp', label: 'phaseFollowUp', question: 'qFollowUp' },
  { key: 'analysis', label: 'phaseAnalysis', question: 'qCauses' },
  { key: 'planning', label: 'phasePlanning', question: 'qPlanning' },
  { key: 'implementation', label: 'phaseImplementation', question: 'evaluationQuestion' },
] as const satisfies readonly { key: string; label: MessageKey; question: MessageKey }[];

/** Dictionary keys for meeting types. */
export const meetingTypeLabel: Record<MeetingType, MessageKey> = {
  resultsConference: 'meetingResultsConference', skaDay: 'meetingSkaDay', dialogueDay: 'meetingDialogueDay',
  qualityDialogue: 'meetingQualityDialogue', workshop: 'meetingWorkshop',
};

/** Dictionary keys for participant roles. */
export const roleLabel: Record<ParticipantRole, MessageKey> = {
  principal: 'rolePrincipal', teacher: 'roleTeacher', staff: 'roleStaff', administration: 'roleAdministration',
  board: 'roleBoard', pupils: 'rolePupils', children: 'roleChildren', guardians: 'roleGuardians',
};
