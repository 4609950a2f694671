/**
 * A unit's chapter, as both reports print it: its results against target with trend, the
 * municipality's average and groups; then for each submitted analysis the chain result → analysis
 * (causes) → actions → evaluation, with who took part and the organizer's feedback and whether it
 * was read; every action of the year with its origin and evaluation; the deficiencies with their
 * actions; the meetings' decisions. Drafts appear only in a unit member's own copy, marked as such.
 */
import type { FileChild } from 'docx';
import { decisionsAndNotes, participantRoles, vocabulary, type Formatter, type Language, type OriginKind } from '../../domain';
import type { Rollup, RollupData } from '../rollup';
import type { Item } from '../rollup/types';
import { bullets, heading, labelled, note, prose, table, type HeadingDepth } from './docx-parts';
import { reportWords } from './report-words';

export interface ReportContext {
  readonly language: Language;
  readonly format: Formatter;
  /** leave out people's names (the board's copy): owners, participants by name */
  readonly boardSafe: boolean;
  /** print draft analyses too, marked as drafts: only for the unit's own members */
  readonly drafts: boolean;
}

const byText = (a: string, b: string) => a.localeCompare(b, 'sv');

/** The words of a report in its language. */
export function wordsOf(language: Language) {
  const say = (key: keyof typeof reportWords) => reportWords[key][language];
  const pick = <K extends string>(words: Readonly<Record<K, { readonly sv: string; readonly en: string }>>, key: K) => words[key][language];
  return { say, pick };
}

export function unitChapter(data: RollupData, rollup: Rollup, unitId: string, context: ReportContext, depth: 1 | 2): FileChild[] {
  const { language, format, boardSafe } = context;
  const { say, pick } = wordsOf(language);
  const sub: HeadingDepth = depth === 1 ? 2 : 3;
  const [current] = rollup.years;
  const indicatorOf = (id: string) => data.indicators.find((i) => i.id === id);
  const children: FileChild[] = [];

  // Results against target, with trend and the municipality's average.
  children.push(heading(say('results'), depth));
  const results = rollup.indicators
    .map((indicator) => ({ indicator, result: indicator.units.find((r) => r.unitId === unitId) }))
    .filter((entry) => entry.result !== undefined && Object.keys(entry.result.values).length > 0);
  // the years with a value (a year nobody measured would be a column of dashes)
  const years = rollup.years.filter((y) => results.some(({ result }) => result?.values[y] !== undefined));
  // the municipality's own figure from Kolada, beside the average of the units, where it has one
  const kolada = current !== undefined && results.some(({ indicator }) => indicator.municipality?.[current] !== undefined);
  if (results.length === 0) children.push(note(say('noResults')));
  else {
    children.push(table(
      [say('indicator'), say('target'), ...years, say('trend'), say('municipalityAverage'), ...(kolada ? [say('koladaMunicipality')] : []), say('meetsTarget')],
      results.map(({ indicator, result }) => [
        indicator.name,
        format.measure(indicator.target, indicator.unitOfMeasure),
        ...years.map((y) => format.measure(result?.values[y], indicator.unitOfMeasure)),
        result?.trend === undefined ? '–' : say(result.trend),
        format.measure(current === undefined ? undefined : indicator.averages[current], indicator.unitOfMeasure),
        ...(kolada ? [format.measure(current === undefined ? undefined : indicator.municipality?.[current], indicator.unitOfMeasure)] : []),
        result?.meetsTarget === undefined ? '–' : say(result.meetsTarget ? 'yes' : 'no'),
      ]),
    ));
  }
  const byGroup = data.measurements
    .filter((m) => m.fields.unitId === unitId && m.fields.schoolYear === rollup.schoolYear && (m.fields.groups ?? []).length > 0)
    .sort((a, b) => byText(indicatorOf(a.fields.indicatorId)?.fields.name ?? '', indicatorOf(b.fields.indicatorId)?.fields.name ?? '') || byText(a.fields.period, b.fields.period));
  if (byGroup.length > 0) {
    children.push(heading(say('resultsByGroup'), sub), table(
      [say('indicator'), say('period'), say('group'), say('value')],
      byGroup.flatMap((m) => {
        const indicator = indicatorOf(m.fields.indicatorId)?.fields;
        return (m.fields.groups ?? []).map((g) => [indicator?.name ?? '–', m.fields.period, g.group, indicator ? format.measure(g.value, indicator.unitOfMeasure) : format.number(g.value)]);
      }),
    ));
  }

  const analyses = data.analyses
    .filter((a) => a.fields.unitId === unitId && a.fields.schoolYear === rollup.schoolYear && (context.drafts || a.fields.status !== 'draft'))
    .sort((a, b) => byText(a.fields.period, b.fields.period));
  const actions = data.actions
    .filter((a) => a.fields.unitId === unitId && a.fields.schoolYear === rollup.schoolYear)
    .sort((a, b) => a.fields.dueDate.localeCompare(b.fields.dueDate));
  const overdue = new Set(rollup.overdueActions.flatMap((entry) => entry.actions.map((a) => a.id)));
  const statusOf = (action: Item<'actions'>) =>
    `${pick(vocabulary.actionStatus, action.fields.status)}${overdue.has(action.id) ? ` (${vocabulary.term.overdue[language].toLocaleLowerCase()})` : ''}`;
  const evaluationOf = (action: Item<'actions'>) => action.fields.evaluation?.trim() || say('notEvaluated');
  const actionTable = (items: readonly Item<'actions'>[], withOrigin: boolean) => table(
    [say('action'), ...(withOrigin ? [say('origin')] : []), ...(boardSafe ? [] : [vocabulary.term.owner[language]]), vocabulary.term.dueDate[language], say('status'), vocabulary.question.evaluation[language]],
    items.map((item) => [
      item.fields.title,
      ...(withOrigin ? [originOf(item)] : []),
      ...(boardSafe ? [] : [item.fields.ownerName ?? '–']),
      format.date(item.fields.dueDate),
      statusOf(item),
      evaluationOf(item),
    ]),
  );
  const originTitles: Partial<Record<OriginKind, (id: string) => string | undefined>> = {
    analysis: (id) => data.analyses.find((a) => a.id === id)?.fields.period,
    deficiency: (id) => data.deficiencies.find((d) => d.id === id)?.fields.title,
    meeting: (id) => data.meetings.find((m) => m.id === id)?.fields.title,
  };
  function originOf(action: Item<'actions'>): string {
    const kind = pick(vocabulary.originKind, action.fields.originKind);
    const title = originTitles[action.fields.originKind]?.(action.fields.originId);
    return title === undefined ? kind : `${kind}: ${title}`;
  }

  // The chain, one submitted analysis at a time.
  if (analyses.length === 0) children.push(heading(vocabulary.phase.analysis[language], depth), note(say('noAnalysis')));
  for (const analysis of analyses) {
    const a = analysis.fields;
    children.push(
      heading(`${vocabulary.phase.analysis[language]} ${a.period}`, depth),
      labelled(say('status'), pick(vocabulary.analysisStatus, a.status)),
      ...(a.submittedAt !== undefined ? [labelled(say('submittedOn'), format.date(a.submittedAt))] : []),
      heading(vocabulary.term.participants[language], sub), ...bullets(participation(a.participants, context), say('noParticipants')),
      heading(say('linkedResults'), sub), ...bullets(a.measurementIds.flatMap((id) => {
        const m = data.measurements.find((x) => x.id === id)?.fields;
        const indicator = m ? indicatorOf(m.indicatorId)?.fields : undefined;
        if (!m || !indicator) return [];
        const target = indicator.target !== undefined ? ` (${say('target').toLocaleLowerCase()} ${format.measure(indicator.target, indicator.unitOfMeasure)})` : '';
        return [`${indicator.name}, ${m.period}: ${format.measure(m.value, indicator.unitOfMeasure)}${target}`];
      }), say('noLinkedResults')),
      // strengths first, the kvalitetsdialog's way: what works is lifted before what to develop
      heading(vocabulary.term.strengths[language], sub), ...bullets(a.strengths, say('noneGiven')),
      heading(vocabulary.term.areasToDevelop[language], sub), ...bullets(a.areasToDevelop, say('noneGiven')),
      heading(vocabulary.question.followUp[language], sub), ...prose(a.followUp, say('notFilledIn')),
      heading(say('causes'), sub), note(vocabulary.question.causes[language], true), ...prose(a.causes, say('notFilledIn')),
      heading(vocabulary.question.direction[language], sub), ...prose(a.direction, say('notFilledIn')),
      heading(vocabulary.question.approach[language], sub), ...prose(a.approach, say('notFilledIn')),
      heading(say('actionsFromAnalysis'), sub),
    );
    const fromAnalysis = actions.filter((x) => x.fields.originKind === 'analysis' && x.fields.originId === analysis.id);
    children.push(fromAnalysis.length === 0 ? note(say('noActionsFromAnalysis')) : actionTable(fromAnalysis, false));
    children.push(heading(vocabulary.question.evaluation[language], sub), ...prose(a.evaluation, say('notFilledIn')));
    children.push(heading(say('feedback'), sub));
    const feedback = data.feedback.filter((f) => f.fields.analysisId === analysis.id).sort((x, y) => x.fields.givenAt.localeCompare(y.fields.givenAt));
    if (feedback.length === 0) children.push(note(say('noFeedback')));
    for (const f of feedback) {
      children.push(
        labelled(say('givenOn'), format.date(f.fields.givenAt), true),
        ...prose(f.fields.text, say('notFilledIn')),
        labelled(say('readOn'), f.fields.readAt !== undefined ? format.date(f.fields.readAt) : say('notRead')),
      );
    }
  }

  children.push(heading(say('actions'), depth));
  children.push(actions.length === 0 ? note(say('noActions')) : actionTable(actions, true));

  children.push(heading(say('deficiencies'), depth));
  const deficiencies = rollup.deficiencies.filter((d) => d.unitId === unitId);
  if (deficiencies.length === 0) children.push(note(say('noDeficiencies')));
  else {
    children.push(table(
      [pick(vocabulary.originKind, 'deficiency'), say('source'), vocabulary.term.foundOn[language], vocabulary.term.deadline[language], say('status'), say('actions')],
      deficiencies.map((d) => [
        d.title,
        pick(vocabulary.deficiencySource, d.source),
        format.date(d.foundOn),
        d.deadline !== undefined ? format.date(d.deadline) : '–',
        pick(vocabulary.deficiencyStatus, d.status),
        d.actions.map((x) => `${x.title} (${pick(vocabulary.actionStatus, x.status).toLocaleLowerCase()})`).join('; ') || vocabulary.term.withoutAction[language],
      ]),
    ));
  }

  children.push(heading(say('meetingDecisions'), depth));
  const meetings = data.meetings.filter((m) => m.fields.unitId === unitId).sort((a, b) => a.fields.startsAt.localeCompare(b.fields.startsAt));
  if (meetings.length === 0) children.push(note(say('noMeetings')));
  for (const meeting of meetings) {
    const m = meeting.fields;
    children.push(
      heading(`${format.date(m.startsAt)} ${pick(vocabulary.meetingType, m.type)}: ${m.title}`, sub),
      ...bullets(decisionsAndNotes(m).decisions.map((d) => `${d.agendaItem}: ${d.text}`), say('noDecisions')),
    );
  }
  return children;
}

/** Who took part, by role in the vocabulary's order: names, or how many (names never in the board's copy). */
function participation(participants: RollupData['analyses'][number]['fields']['participants'], { language, format, boardSafe }: ReportContext): string[] {
  return participantRoles.flatMap((role) => {
    const of = participants.filter((p) => p.role === role);
    if (of.length === 0) return [];
    const counted = of.reduce((sum, p) => sum + (p.count ?? (p.displayName !== undefined || p.userId !== undefined ? 1 : 0)), 0);
    const names = of.map((p) => p.displayName).filter((n): n is string => n !== undefined && n !== '');
    const shown = !boardSafe && names.length > 0 && names.length === of.length ? names.join(', ') : format.number(counted);
    return [`${vocabulary.participantRole[role][language]}: ${shown}`];
  });
}
