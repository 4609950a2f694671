import type { Action, MeetingType, SchoolYear, YearWheelActivity } from '../domain';
import { isoDay, meetingTypes, previousSchoolYear, schoolYearOf } from '../domain';
import type { Entities } from '../lists/lists';
import type { Store } from '../store/port';
import { demoBeforeQuestions, demoIndicators, demoPeople, demoTemplates, demoUnits, type DemoIndicatorKey, type DemoUnit } from './seed-data';

export interface SeedOptions {
  /** the day the demo is seeded; the current school year and due dates follow from it */
  readonly today?: Date;
  readonly log?: (line: string) => void;
}

export interface SeedResult {
  readonly seeded: boolean;
  readonly items: number;
}

/** A small deterministic generator, so every fresh clone gets the same demo. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const addDays = (day: Date, days: number): string => isoDay(day.getTime() + days * 86_400_000);
const round = (value: number, decimals: number): number => Math.round(value * 10 ** decimals) / 10 ** decimals;
const autumn = (year: SchoolYear, month: number, day: number): string =>
  `${month >= 7 ? year.slice(0, 4) : String(Number(year.slice(0, 4)) + 1)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/**
 * Seeds the fictional municipality on first start: six units of different types, two school years
 * of goals, indicators, results, analyses, actions, deficiencies, meetings, feedback and a year
 * wheel. Does nothing when units exist already. Every item has a deterministic client key, so a
 * seed interrupted half-way finishes on the next start without duplicates.
 */
export async function seedDemo(store: Store<Entities>, options: SeedOptions = {}): Promise<SeedResult> {
  const existing = await store.query('units', { top: 1 });
  if (existing.items.length > 0) return { seeded: false, items: 0 };
  const log = options.log ?? (() => undefined);
  const today = options.today ?? new Date();
  const current = schoolYearOf(today);
  const previous = previousSchoolYear(current);
  const actor = demoPeople.admin.id;
  const next = random(2026);
  let items = 0;

  async function put<K extends keyof Entities & string>(list: K, key: string, fields: Entities[K]): Promise<string> {
    const item = await store.create(list, fields, { actor, clientKey: `seed:${list}:${key}` });
    items++;
    return item.id;
  }

  log('Seedar demokommunen ...');
  const indicatorIds = new Map<DemoIndicatorKey, string>();
  for (const indicator of demoIndicators) {
    const { key, base: _b, spread: _s, byGender, unitTypes, ...fields } = indicator;
    indicatorIds.set(key, await put('indicators', key, { ...fields, unitTypes: [...unitTypes], ...(byGender ? { groups: ['Flickor', 'Pojkar'] } : {}) }));
  }

  const templateIds = new Map<MeetingType, string>();
  for (const type of meetingTypes) {
    templateIds.set(type, await put('followUpTemplates', `${type}:1`, { meetingType: type, version: 1, questions: [...demoTemplates[type]], ...(demoBeforeQuestions[type] ? { beforeQuestions: [...demoBeforeQuestions[type]] } : {}) }));
  }

  // the organizer's goals (nämndmål) and, under them, the prioritized areas the units' goals break down
  const focusAreas = new Map<SchoolYear, string[]>();
  for (const year of [previous, current]) {
    const knowledge = await put('goals', `org:${year}:1`, { level: 'organizer', title: 'Alla elever ska nå så långt som möjligt i sin kunskapsutveckling', schoolYear: year });
    const safety = await put('goals', `org:${year}:2`, { level: 'organizer', title: 'Trygga lärmiljöer med studiero', schoolYear: year });
    focusAreas.set(year, [
      await put('goals', `area:${year}:1`, { level: 'focusArea', title: 'Formativ bedömning', parentGoalId: knowledge, schoolYear: year }),
      await put('goals', `area:${year}:2`, { level: 'focusArea', title: 'Studiero', parentGoalId: safety, schoolYear: year }),
    ]);
    for (const [i, activity] of yearWheelFor(year).entries()) await put('yearWheel', `${year}:${i}`, activity);
  }
  const skaDay = await put('meetings', `ska:${previous}`, {
    type: 'skaDay', title: 'SKA-dag: resultat och analys', startsAt: `${autumn(previous, 2, 12)}T08:30:00Z`, schoolYear: previous,
    participants: [{ role: 'administration' as const, userId: demoPeople.admin.id, displayName: demoPeople.admin.name }, ...demoUnits.map((u) => ({ role: 'principal' as const, userId: u.principal.id, displayName: u.principal.name }))]
      .filter((p, i, all) => all.findIndex((q) => q.userId === p.userId) === i),
    agenda: [{ id: '1', title: 'Resultat per enhet' }, { id: '2', title: 'Kollegialt lärande: analyser' }],
    endedAt: `${autumn(previous, 2, 12)}T15:00:00Z`,
  });

  for (const unit of demoUnits) {
    const unitId = await put('units', unit.key, {
      name: unit.name, type: unit.type, schoolUnitCode: unit.schoolUnitCode, principalIds: [unit.principal.id],
      ...(unit.staffGroupId ? { staffGroupId: unit.staffGroupId } : {}),
    });
    for (const year of [previous, current]) {
      await seedUnitYear(unit, unitId, year, year === current);
    }
    log(`  ${unit.name}`);
  }
  log(`Klart: ${items} poster, SKA-dag ${skaDay}.`);
  return { seeded: true, items };

  async function seedUnitYear(unit: DemoUnit, unitId: string, year: SchoolYear, isCurrent: boolean): Promise<void> {
    const k = `${unit.key}:${year}`;
    const areas = focusAreas.get(year) ?? [];
    const goalId = await put('goals', `${k}:1`, {
      level: 'unit', unitId, parentGoalId: areas[0], schoolYear: year,
      title: unit.type === 'förskola' ? 'Barnens inflytande i vardagen ska öka' : 'Fler elever ska nå kunskapskraven',
    });
    await put('goals', `${k}:2`, { level: 'unit', unitId, parentGoalId: areas[1], schoolYear: year, title: 'Tryggheten ska öka i alla grupper' });

    const periods = isCurrent ? [`${year} HT`] : [`${year} HT`, `${year} VT`];
    const measurementIds: string[] = [];
    for (const key of unit.indicators) {
      const indicator = demoIndicators.find((i) => i.key === key);
      const indicatorId = indicatorIds.get(key);
      if (!indicator || !indicatorId) continue;
      for (const period of periods) {
        const decimals = indicator.unitOfMeasure === 'scale' ? 2 : indicator.unitOfMeasure === 'count' ? 0 : 1;
        const value = round(Math.max(0, indicator.base + (next() - 0.45) * indicator.spread * 2), decimals);
        measurementIds.push(await put('measurements', `${k}:${key}:${period}`, {
          indicatorId, unitId, period, schoolYear: year, value,
          ...(indicator.byGender ? { groups: [
            { group: 'Flickor', value: round(value + indicator.spread * 0.3, decimals) },
            { group: 'Pojkar', value: round(value - indicator.spread * 0.3, decimals) },
          ] } : {}),
        }));
      }
    }

    if (isCurrent && unit.key === 'tallasen') {
      await put('deficiencies', `${k}:inspection`, {
        title: 'Skolinspektionen: studiero i undervisningen', unitId, source: 'inspection', foundOn: addDays(today, -40), deadline: addDays(today, 60), status: 'open',
        caseNumber: `SI ${today.getUTCFullYear()}:4127`,
        description: 'Beslut efter regelbunden tillsyn: huvudmannen ska se till att eleverna får arbetsro i undervisningen.',
      });
    }
    if (isCurrent && unit.key === 'bjorkskolan') {
      const deficiencyId = await put('deficiencies', `${k}:krankning`, {
        title: 'Upprepade kränkningar i korridoren vid lunch', unitId, source: 'krankning', foundOn: addDays(today, -20), status: 'open',
      });
      await put('actions', `${k}:deficiency`, {
        title: 'Vuxen närvaro i korridoren vid lunch', unitId, ownerId: unit.principal.id, ownerName: unit.principal.name, dueDate: addDays(today, 14),
        status: 'inProgress', originKind: 'deficiency', originId: deficiencyId, schoolYear: year,
      });
    }
    if (isCurrent && unit.key === 'bjorkskolan') {
      // a workshop held this autumn whose follow-up questions two people have answered: the analysis shows them
      const endedAt = `${addDays(today, -30)}T15:00:00Z`;
      const workshopId = await put('meetings', `${k}:workshop`, {
        type: 'workshop', title: 'Workshop: studiero i alla klassrum', unitId, schoolYear: year, startsAt: `${addDays(today, -30)}T13:00:00Z`, endedAt,
        participants: [{ role: 'principal', userId: unit.principal.id, displayName: unit.principal.name }, { role: 'teacher', userId: unit.staff.id, displayName: unit.staff.name }],
        agenda: [{ id: '1', title: 'Vad stör studieron?' }, { id: '2', title: 'Gemensamma rutiner' }],
      });
      const templateId = templateIds.get('workshop') ?? '';
      const answers = [
        { who: unit.staff, idea: 'Samma start på varje lektion i alla klasser.', support: 'Tid i arbetslaget för att följa upp rutinen.' },
        { who: unit.principal, idea: 'Vuxna i korridoren vid lektionsbyten.', support: 'Ett schema som ger rastvärdarna tid.' },
      ];
      for (const answer of answers) {
        await put('followUpResponses', `${k}:workshop:${answer.who.id}`, {
          meetingId: workshopId, unitId, templateId, templateVersion: 1, respondentId: answer.who.id, answeredAt: endedAt,
          answers: [{ questionId: 'idea', text: answer.idea }, { questionId: 'support', text: answer.support }],
        });
      }
    }
    const draftNow = isCurrent && unit.key === 'bjorkskolan';
    const submittedNow = isCurrent && unit.key === 'lindgymnasiet';
    if (isCurrent && !draftNow && !submittedNow) return;
    const status = draftNow ? 'draft' : submittedNow ? 'submitted' : unit.key === 'vux' ? 'submitted' : 'feedbackGiven';
    const analysisId = await put('analyses', `${k}`, {
      unitId, schoolYear: year, period: isCurrent ? `${year} HT` : `${year} VT`, status,
      followUp: 'Resultaten i matematik har ökat sedan förra läsåret, men skillnaden mellan flickor och pojkar kvarstår. Närvaron är stabil.',
      causes: 'Där lärarna arbetat med formativ bedömning och gemensamma genomgångar syns de största förbättringarna. Där studieron brustit har eleverna inte fått samma förutsättningar, och vikariesituationen under hösten spelade in.',
      direction: 'Alla elever ska få undervisning med tydliga mål och återkoppling, och tryggheten ska öka.',
      approach: 'Kollegialt lärande kring formativ bedömning varannan vecka, gemensamma rutiner för studiero.',
      ...(draftNow ? {} : { evaluation: 'Insatserna har genomförts i de flesta arbetslag; effekten följs upp vid nästa resultatkonferens.' }),
      strengths: ['Höga resultat i svenska', 'Stark kollegial kultur'],
      areasToDevelop: ['Studiero i vissa grupper', 'Skillnader mellan flickor och pojkar'],
      measurementIds: measurementIds.slice(0, 6), goalIds: [goalId],
      participants: [
        { role: 'principal', userId: unit.principal.id, displayName: unit.principal.name },
        { role: 'teacher', userId: unit.staff.id, displayName: unit.staff.name },
        { role: unit.type === 'förskola' ? 'guardians' : 'pupils', count: 4 },
      ],
      ...(draftNow ? {} : { submittedAt: `${isCurrent ? autumn(year, 11, 10) : autumn(year, 6, 10)}T12:00:00Z`, submittedBy: unit.principal.id }),
    });
    if (status === 'feedbackGiven') {
      await put('feedback', k, {
        unitId, analysisId, schoolYear: year, authorId: demoPeople.admin.id, givenAt: `${autumn(year, 6, 20)}T09:00:00Z`,
        text: 'Tack för en tydlig analys där styrkorna lyfts först. Fortsätt med det kollegiala lärandet och visa nästa gång hur ni följer upp skillnaderna mellan grupper.',
        ...(unit.key === 'bjorkskolan' ? {} : { readAt: `${autumn(year, 6, 22)}T10:00:00Z`, readBy: unit.principal.id }),
      });
    }

    const meetingId = await put('meetings', k, {
      type: 'resultsConference', title: `Resultatkonferens ${isCurrent ? 'HT' : 'VT'}`, unitId, schoolYear: year,
      startsAt: `${isCurrent ? addDays(today, 9) : autumn(year, 6, 5)}T13:00:00Z`,
      participants: [{ role: 'principal', userId: unit.principal.id, displayName: unit.principal.name }, { role: 'teacher', userId: unit.staff.id, displayName: unit.staff.name }],
      agenda: [{ id: '1', title: 'Resultat sedan förra konferensen' }, { id: '2', title: 'Analys: varför blev det så?' }, { id: '3', title: 'Åtgärder: vem gör vad?' }],
      ...(isCurrent ? {} : { endedAt: `${autumn(year, 6, 5)}T15:00:00Z` }),
    });

    const actions: Array<Pick<Action, 'title' | 'status' | 'dueDate'> & { evaluation?: string; owner: { id: string; name: string }; origin: 'analysis' | 'meeting' }> = isCurrent
      ? [
          { title: 'Gemensamma genomgångar med exit tickets i matematik', status: 'inProgress', dueDate: addDays(today, 5), owner: unit.staff, origin: 'analysis' },
          { title: 'Rutin för studiero i klassrummet', status: 'planned', dueDate: addDays(today, -6), owner: unit.staff, origin: 'analysis' },
          { title: 'Kartlägga otrygga platser med elevrådet', status: 'planned', dueDate: addDays(today, 30), owner: unit.principal, origin: 'meeting' },
        ]
      : [
          { title: 'Kollegialt lärande om formativ bedömning', status: 'done', dueDate: autumn(year, 5, 30), owner: unit.staff, origin: 'analysis', evaluation: 'Genomfört i alla arbetslag; fler elever når målen i matematik.' },
          { title: 'Rastvärdsschema för otrygga platser', status: 'done', dueDate: autumn(year, 3, 15), owner: unit.principal, origin: 'meeting', evaluation: 'Färre incidenter på rasterna enligt elevenkäten.' },
        ];
    for (const [i, action] of actions.entries()) {
      await put('actions', `${k}:${i}`, {
        title: action.title, unitId, ownerId: action.owner.id, ownerName: action.owner.name, dueDate: action.dueDate, status: action.status,
        originKind: action.origin, originId: action.origin === 'analysis' ? analysisId : meetingId, goalId, schoolYear: year,
        ...(action.evaluation ? { evaluation: action.evaluation } : {}),
      });
    }

  }
}

function yearWheelFor(year: SchoolYear): YearWheelActivity[] {
  return [
    { title: 'Insamling av höstens resultat', kind: 'dataCollection', schoolYear: year, date: autumn(year, 11, 15), remindDaysBefore: 14 },
    { title: 'Resultatkonferens HT på enheterna', kind: 'resultsConference', schoolYear: year, date: autumn(year, 12, 5), remindDaysBefore: 14 },
    { title: 'SKA-dag 1: höstens resultat', kind: 'skaDay', schoolYear: year, date: autumn(year, 9, 20), remindDaysBefore: 7 },
    { title: 'Dialogdag med nämnden', kind: 'dialogueDay', schoolYear: year, date: autumn(year, 10, 25), remindDaysBefore: 14 },
    { title: 'SKA-dag 2: analys och kollegialt lärande', kind: 'skaDay', schoolYear: year, date: autumn(year, 1, 25), remindDaysBefore: 7 },
    { title: 'Kvalitetsdialoger med rektorerna', kind: 'qualityDialogue', schoolYear: year, date: autumn(year, 3, 10), remindDaysBefore: 14 },
    { title: 'Resultatkonferens VT på enheterna', kind: 'resultsConference', schoolYear: year, date: autumn(year, 6, 5), remindDaysBefore: 14 },
    { title: 'Enheternas kvalitetsrapporter lämnas', kind: 'reportDeadline', schoolYear: year, date: autumn(year, 6, 15), remindDaysBefore: 21 },
    { title: 'Dialogdag: huvudmannens kvalitetsrapport', kind: 'dialogueDay', schoolYear: year, date: autumn(year, 6, 25), remindDaysBefore: 14 },
  ];
}
