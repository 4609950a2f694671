import type { OrganizerMessageKey } from './messages-sv';
import type { FeedbackState, RollupDeficiency, RollupUnit } from '../../../src/contract';
import type { ActivityKind, MeetingType, Phase, PhaseState } from '../../../src/domain';

/** Dictionary keys for the organizer's enumerations. */
export const phaseOrder: readonly { key: Phase; label: OrganizerMessageKey }[] = [
  { key: 'followUp', label: 'phaseFollowUp' },
  { key: 'analysis', label: 'phaseAnalysis' },
  { key: 'planning', label: 'phasePlanning' },
  { key: 'implementation', label: 'phaseImplementation' },
];
export const phaseStateLabel: Record<PhaseState, OrganizerMessageKey> = {
  notStarted: 'stateNotStarted', inProgress: 'stateInProgress', done: 'stateDone',
};
export const analysisLabel: Record<RollupUnit['analysisStatus'], OrganizerMessageKey> = {
  none: 'analysisNone', draft: 'analysisDraft', submitted: 'analysisSubmitted', feedbackGiven: 'analysisFeedbackGiven',
};
export const feedbackLabel: Record<FeedbackState, OrganizerMessageKey> = {
  noSubmission: 'feedbackNoSubmission', waiting: 'feedbackWaiting', unread: 'feedbackUnread', read: 'feedbackRead',
};
export const sourceLabel: Record<RollupDeficiency['source'], OrganizerMessageKey> = {
  indicator: 'sourceIndicator', complaint: 'sourceComplaint', krankning: 'sourceKrankning', inspection: 'sourceInspection', other: 'sourceOther',
};
export const activityKinds: readonly ActivityKind[] = [
  'resultsConference', 'skaDay', 'dialogueDay', 'qualityDialogue', 'workshop', 'reportDeadline', 'dataCollection', 'other',
];
export const kindLabel: Record<ActivityKind, OrganizerMessageKey> = {
  resultsConference: 'kindResultsConference', skaDay: 'kindSkaDay', dialogueDay: 'kindDialogueDay', qualityDialogue: 'kindQualityDialogue',
  workshop: 'kindWorkshop', reportDeadline: 'kindReportDeadline', dataCollection: 'kindDataCollection', other: 'kindOther',
};
export const meetingTypes: readonly MeetingType[] = ['resultsConference', 'skaDay', 'dialogueDay', 'qualityDialogue', 'workshop'];
export const meetingLabel: Record<MeetingType, OrganizerMessageKey> = {
  resultsConference: 'meetingResultsConference', skaDay: 'meetingSkaDay', dialogueDay: 'meetingDialogueDay',
  qualityDialogue: 'meetingQualityDialogue', workshop: 'meetingWorkshop',
};
