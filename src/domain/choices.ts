/**
 * The domain's choice lists, each with its type: the phases, statuses, kinds, roles, sources and
 * units that the schemas accept and vocabulary.ts names. Plain constants without zod, so the tab
 * takes its lists from here too.
 */

/** The four phases of the cycle, in the order the wheel turns. */
export const phases = ['followUp', 'analysis', 'planning', 'implementation'] as const;
export type Phase = (typeof phases)[number];
export const phaseStates = ['notStarted', 'inProgress', 'done'] as const;
export type PhaseState = (typeof phaseStates)[number];

/** The questions of the cycle an analysis answers, in the order they are asked; each is a field of the analysis. */
export const analysisQuestions = ['followUp', 'causes', 'direction', 'approach', 'evaluation'] as const;
export type AnalysisQuestion = (typeof analysisQuestions)[number];
export const analysisStatuses = ['draft', 'submitted', 'feedbackGiven'] as const;
export type AnalysisStatus = (typeof analysisStatuses)[number];

export const actionStatuses = ['planned', 'inProgress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof actionStatuses)[number];
/** What an action comes from. */
export const originKinds = ['analysis', 'meeting', 'deficiency'] as const;
export type OriginKind = (typeof originKinds)[number];

export const deficiencySources = ['indicator', 'complaint', 'krankning', 'inspection', 'other'] as const;
export type DeficiencySource = (typeof deficiencySources)[number];
export const deficiencyStatuses = ['open', 'closed'] as const;
export type DeficiencyStatus = (typeof deficiencyStatuses)[number];

export const meetingTypes = ['resultsConference', 'skaDay', 'dialogueDay', 'qualityDialogue', 'workshop'] as const;
export type MeetingType = (typeof meetingTypes)[number];
/** What a year-wheel activity is: a meeting of one of the types, or a date to keep. */
export const activityKinds = [...meetingTypes, 'reportDeadline', 'dataCollection', 'other'] as const;
export type ActivityKind = (typeof activityKinds)[number];
export const questionKinds = ['text', 'scale'] as const;
export type QuestionKind = (typeof questionKinds)[number];

/** Who took part, and in which role. Pupils, children and guardians are counted, never named. */
export const participantRoles = ['principal', 'teacher', 'staff', 'administration', 'board', 'pupils', 'children', 'guardians'] as const;
export type ParticipantRole = (typeof participantRoles)[number];
export const countedParticipantRoles: readonly ParticipantRole[] = ['pupils', 'children', 'guardians'];
/** The roles a person holds towards a unit (DOMAIN.md): the administration and the board towards every unit. */
export const unitRoleKinds = ['administration', 'board', 'principal', 'staff'] as const;
export type UnitRole = (typeof unitRoleKinds)[number];

export const indicatorSources = [
  'grades', 'meritValue', 'eligibility', 'nationalTests', 'attendance', 'krankningar', 'complaints',
  'skolinspektionen', 'survey', 'skolenkaten', 'qualityVisit', 'employment', 'other',
] as const;
export type IndicatorSource = (typeof indicatorSources)[number];
export const unitsOfMeasure = ['percent', 'points', 'count', 'scale', 'days'] as const;
export type UnitOfMeasure = (typeof unitsOfMeasure)[number];
/** The school forms a unit is (skollagen's skolformer and fritidshemmet); anpassad grundskola and gymnasieskola are their own forms. */
export const unitTypes = [
  'förskola', 'grundskola', 'anpassadGrundskola', 'gymnasieskola', 'anpassadGymnasieskola', 'vuxenutbildning', 'fritidshem',
] as const;
export type UnitType = (typeof unitTypes)[number];
