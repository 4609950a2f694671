/**
 * Every string a person can type into a domain schema refuses a personnummer. The walk finds each
 * string field of every exported schema; a field is exempt only when its shape is fixed (a
 * format, a pattern, a choice) or it is named below with the reason it is not free text. So a
 * new field without the rule fails here, not in front of a pupil's number.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as domain from './index';
import { isPersonalIdentityIssue } from './text';

/** String fields that are ids or written by the code, never typed by a person: why each is exempt. */
const notFreeText: Readonly<Record<string, string>> = {
  'UnitSchema.teamId': 'a Teams team id',
  'UnitSchema.channelId': 'a Teams channel id',
  'MeetingSchema.teamsMeetingId': "Teams' id of the online meeting",
  'MeetingSchema.chatId': "the meeting chat's id",
  'agendaItem.id': 'an id the client makes for an agenda point',
  'attendee.teamsId': 'the Teams user id a participant event sends',
  'answer.questionId': "the id of the template's question",
  'BotConversationSchema.conversationId': 'a Teams conversation id',
  'BotConversationSchema.userId': 'the aadObjectId the Bot Framework channel sends',
  'BotConversationSchema.tenantId': 'an Entra tenant id',
  'BotConversationSchema.reference': "botbuilder's conversation reference, written by the bot",
  'JobSchema.kind': 'a job kind the code names',
  'JobSchema.key': 'a key the code builds from ids',
  'JobSchema.leasedBy': 'the id of a server instance',
  'JobSchema.lastError': 'an error text the code writes',
  'JobSchema.payload': 'data the code writes (cards built from fields checked where they were typed)',
  'DeviationSchema.between': 'group names the server copies from results, whose groups were checked where they were typed',
};

/** A valid value of each exported object schema (and array), to put a personnummer into. */
const samples: Readonly<Record<string, unknown>> = {
  ActionSchema: {
    title: 'Läsfrämjande insats', description: 'Varje dag', unitId: '1', ownerId: '00000000-0000-0000-0000-000000000011', ownerName: 'Elin Berg',
    startDate: '2026-04-01', dueDate: '2026-05-01', status: 'planned', originKind: 'meeting', originId: '2', schoolYear: '2025/26', evaluation: 'Bra',
    comments: [{ authorId: '00000000-0000-0000-0000-000000000011', authorName: 'Elin Berg', at: '2026-04-10T09:00:00Z', text: 'Igång' }],
  },
  ActionCommentSchema: { authorId: '00000000-0000-0000-0000-000000000011', authorName: 'Elin Berg', at: '2026-04-10T09:00:00Z', text: 'Igång' },
  AnalysisSchema: {
    unitId: '1', schoolYear: '2025/26', period: '2025/26 HT', status: 'draft', followUp: 'a', causes: 'b', direction: 'c', approach: 'd', evaluation: 'e',
    strengths: ['Studiero'], areasToDevelop: ['Läsning'], measurementIds: [], goalIds: [], participants: [{ role: 'teacher', displayName: 'Farid Haddad' }],
  },
  BotConversationSchema: { conversationId: 'a:1', kind: 'personal', reference: {}, lastSeenAt: '2026-03-10T09:00:00Z' },
  DeficiencySchema: { title: 'Brist', description: 'Beskrivning', unitId: '1', source: 'inspection', foundOn: '2026-01-10', caseNumber: 'SI 2026:1234', status: 'open' },
  FeedbackSchema: { unitId: '1', analysisId: '2', schoolYear: '2025/26', text: 'Tack', authorId: '00000000-0000-0000-0000-000000000011', givenAt: '2026-03-10T09:00:00Z' },
  FollowUpResponseSchema: {
    meetingId: '1', templateId: '2', templateVersion: 1, respondentId: '00000000-0000-0000-0000-000000000011',
    answers: [{ questionId: 'styrkor', text: 'Tydliga mål' }], answeredAt: '2026-03-10T09:00:00Z',
  },
  FollowUpTemplateSchema: {
    meetingType: 'workshop', version: 1, beforeQuestions: [{ id: 'infor', sv: 'Vad vill du ta upp?', en: 'What do you want to raise?', kind: 'text' }],
    questions: [{ id: 'styrkor', sv: 'Vad gick bra?', en: 'What went well?', kind: 'text' }],
  },
  DeviationSchema: { kind: 'gapGrew', between: ['Flickor', 'Pojkar'], previousGap: 2, gap: 6 },
  GoalSchema: { title: 'Mål', description: 'Beskrivning', level: 'unit', unitId: '1', parentGoalId: '2', schoolYear: '2025/26' },
  IndicatorSchema: {
    name: 'Meritvärde', description: 'Åk 9', source: 'meritValue', unitOfMeasure: 'points', direction: 'higherIsBetter', koladaKpi: 'N15503',
    unitTypes: ['grundskola'], groups: ['Flickor', 'Nyanlända'], importColumns: ['Andel behöriga'],
  },
  JobSchema: { kind: 'outbound', key: 'k', status: 'pending', dueAt: '2026-03-10T09:00:00Z', attempts: 0, payload: {} },
  MeasurementSchema: {
    indicatorId: '1', unitId: '2', period: '2025/26', schoolYear: '2025/26', value: 1, groups: [{ group: 'Flickor', value: 1 }],
    importId: '3', beforeImport: { value: 2, groups: [{ group: 'Flickor', value: 2 }] },
  },
  MunicipalityResultSchema: {
    indicatorId: '1', municipalityId: '9999', period: '2025/26', schoolYear: '2025/26', value: 1, groups: [{ group: 'Flickor', value: 1 }], source: 'kolada',
    importId: '3', beforeImport: { value: 2, groups: [{ group: 'Flickor', value: 2 }] },
  },
  ResultBeforeImportSchema: { value: 2, groups: [{ group: 'Flickor', value: 2 }] },
  ImportTrailSchema: { importId: '3', beforeImport: { value: 2, groups: [{ group: 'Flickor', value: 2 }] } },
  MeetingSchema: {
    type: 'workshop', title: 'Workshop', startsAt: '2026-03-10T09:00:00Z', schoolYear: '2025/26',
    participants: [{ role: 'teacher', displayName: 'Greta Holm' }], agenda: [{ id: 'p1', title: 'Resultat', decisions: ['Beslut'], notes: 'Anteckning' }],
    attendees: [{ userId: '00000000-0000-0000-0000-000000000011', teamsId: '29:1abc', inMeeting: true }],
  },
  UnitSchema: { name: 'Björkskolan', type: 'grundskola', schoolUnitCode: '12345678', principalIds: [] },
  YearWheelActivitySchema: { title: 'Resultatkonferens', description: 'Vår', kind: 'resultsConference', schoolYear: '2025/26', date: '2026-05-01' },
  agendaItem: { id: 'p1', title: 'Resultat', decisions: ['Beslut'], notes: 'Anteckning' },
  answer: { questionId: 'styrkor', text: 'Tydliga mål' },
  attendee: { userId: '00000000-0000-0000-0000-000000000011', teamsId: '29:1abc', inMeeting: true },
  groupValue: { group: 'Flickor', value: 1 },
  groupName: 'Elever med annat modersmål',
  participant: { role: 'teacher', displayName: 'Greta Holm' },
  question: { id: 'styrkor', sv: 'Vad gick bra?', en: 'What went well?', kind: 'text' },
  points: ['Studiero'],
};

type Path = readonly (string | number)[];
/** A string field: `name` is the nearest exported object schema and the field, as in `notFreeText`. */
interface Field {
  readonly name: string;
  readonly path: Path;
}

const exports: Readonly<Record<string, unknown>> = domain;
const exported = Object.entries(exports).flatMap(([name, value]): [string, z.ZodType][] => (value instanceof z.ZodType ? [[name, value]] : []));
const nameOf = new Map<unknown, string>(exported.map(([name, schema]) => [schema, name]));

/** Whether a string's shape is fixed: a format (guid, date) or a pattern. */
const fixedShape = (schema: z.ZodType): boolean =>
  schema instanceof z.ZodStringFormat || (schema instanceof z.ZodString && (schema._zod.def.checks ?? []).some((c) => c._zod.def.check === 'string_format'));

/** Every string or record field under `schema`; fields of a fixed shape are left out. */
function stringFields(schema: z.ZodType, owner: string, path: Path, key: string): Field[] {
  const name = key ? `${owner}.${key}` : owner;
  if (schema instanceof z.ZodOptional) return stringFields(schema.unwrap() as z.ZodType, owner, path, key);
  if (schema instanceof z.ZodPipe) return stringFields(schema.in as z.ZodType, owner, path, key);
  if (schema instanceof z.ZodArray) return stringFields(schema.element as z.ZodType, owner, [...path, 0], key);
  if (schema instanceof z.ZodTuple) return (schema._zod.def.items as z.ZodType[]).flatMap((item, index) => stringFields(item, owner, [...path, index], key));
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).flatMap((option) => stringFields(option, owner, path, key));
  if (schema instanceof z.ZodObject) {
    const objectName = nameOf.get(schema) ?? owner;
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([field, inner]) => stringFields(inner, objectName, [...path, field], field));
  }
  if (schema instanceof z.ZodString || schema instanceof z.ZodStringFormat) return fixedShape(schema) ? [] : [{ name, path }];
  if (schema instanceof z.ZodRecord) return [{ name, path }];
  if (schema instanceof z.ZodEnum || schema instanceof z.ZodLiteral || schema instanceof z.ZodNumber || schema instanceof z.ZodBoolean || schema instanceof z.ZodUnknown) return [];
  throw new Error(`the walk does not know ${schema._zod.def.type} at ${name}: teach it, so the field is checked`);
}

function withValue(value: unknown, path: Path, text: string): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return text;
  if (Array.isArray(value)) {
    if (value.length === 0) throw new Error(`the sample needs an element at ${String(head)}`);
    return value.map((element, index) => (index === head ? withValue(element, rest, text) : element));
  }
  const object = value as Record<string, unknown>;
  return { ...object, [head]: withValue(object[head], rest, text) };
}

const walked = exported.map(([name, schema]) => ({ name, schema, fields: stringFields(schema, name, [], '') }));
const freeTextFields = walked.flatMap(({ name, schema, fields }) =>
  fields.filter((field) => !(field.name in notFreeText)).map((field) => ({ root: name, schema, field })));

describe('the personnummer rule on every free-text field of the domain', () => {
  it('finds the free-text and name fields, the ones that leaked before among them', () => {
    const names = new Set(freeTextFields.map(({ field }) => field.name));
    for (const expected of [
      'ActionSchema.ownerName', 'participant.displayName', 'ActionSchema.title', 'agendaItem.notes', 'answer.text', 'groupValue.group', 'question.sv',
      'IndicatorSchema.groups', 'DeficiencySchema.caseNumber',
    ]) {
      expect(names).toContain(expected);
    }
    expect(freeTextFields.length).toBeGreaterThan(40);
  });

  it('names only fields that exist among the exempt ones', () => {
    const all = new Set(walked.flatMap(({ fields }) => fields.map((field) => field.name)));
    expect(Object.keys(notFreeText).filter((name) => !all.has(name))).toEqual([]);
  });

  it.each(walked.filter(({ fields }) => fields.some((field) => field.path.length > 0)).map(({ name, schema }) => [name, schema] as const))('has a valid sample of %s', (name, schema) => {
    expect(schema.safeParse(samples[name]).error?.issues).toBeUndefined();
  });

  it.each(freeTextFields.map(({ root, schema, field }) => [`${root} ${field.path.join('.') || '(the value)'}`, root, schema, field] as const))(
    '%s refuses a personnummer, written as Word writes it',
    (_label, root, schema, field) => {
      const result = schema.safeParse(withValue(samples[root], field.path, 'Gäller 20121212–1212'));
      const issue = result.error?.issues.find(isPersonalIdentityIssue);
      expect(issue?.path).toEqual(field.path);
    },
  );
});
