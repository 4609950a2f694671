import type { Directory } from '../../auth/directory';
import { schoolYearOf, type SchoolYear } from '../../domain';
import type { Entities } from '../../lists/lists';
import type { StoredItem } from '../../store/port';
import type { ReadModel } from '../../store/read-model';
import type { Caller } from '../caller';
import { countedLists, seeingIn } from '../counted-results';
import { unnamedPrincipal } from '../meeting-live-people';
import type { UnitAccess } from '../unit-access';
import { teamsChatUrl, unitWork, type SharedWorkSearch, type UnitWork } from './shared-work';

type Item<K extends keyof Entities> = StoredItem<Entities[K]>;

/** A principal to ask: by name, with a Teams chat link when the directory knows their address. */
export interface UnitContact {
  readonly userId: string;
  readonly name: string;
  readonly chatUrl?: string;
}

export interface OtherUnitWork extends Omit<UnitWork, 'focusAreaIds'> {
  readonly unit: Item<'units'>;
  readonly principals: readonly UnitContact[];
}

/** "Andra enheter": other units' published work of a school year, searched by focus area and indicator. */
export interface OtherUnitsView {
  readonly schoolYear: SchoolYear;
  readonly schoolYears: readonly SchoolYear[];
  readonly focusAreas: readonly { readonly goal: Item<'goals'>; readonly unitIds: readonly string[] }[];
  readonly indicators: readonly Item<'indicators'>[];
  readonly units: readonly OtherUnitWork[];
}

export interface OtherUnitsQuery extends SharedWorkSearch {
  readonly schoolYear?: SchoolYear;
}

/** The lists "Andra enheter" reads. */
const otherUnitsLists = ['units', 'goals', 'analyses', 'actions', 'measurements', ...countedLists, 'indicators'] as const;

/**
 * Collegial learning between principals: every other unit's submitted analyses, actions and
 * their evaluations, and the focus areas each unit works on with whom to ask there. Read from the
 * read model after one round trip (a municipality's analyses and actions are read by the
 * `schoolYear` index in memory, never by a list query). `units.learn` decides who may ask; each
 * unit is then read as `unit.read` of a submitted analysis, so a draft never shows.
 */
export class OtherUnitsService {
  private readonly now: () => Date;

  constructor(
    private readonly readModel: ReadModel<Entities>,
    private readonly access: UnitAccess,
    private readonly directory: Directory,
    options: { readonly now?: () => Date } = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  async read(caller: Caller, query: OtherUnitsQuery = {}): Promise<OtherUnitsView> {
    this.access.requireGlobal(caller, 'units.learn');
    const schoolYear = query.schoolYear ?? schoolYearOf(this.now());
    const [view, visible] = await Promise.all([this.readModel.read(otherUnitsLists), this.access.visibleUnits(caller)]);
    const others: Item<'units'>[] = [];
    for (const unit of visible) {
      const own = caller.principalOfUnitIds.includes(unit.id);
      if (!own && await this.access.allows(caller, 'unit.read', unit.id, { analysisStatus: 'submitted' })) others.push(unit);
    }
    const ofYear = <T extends { fields: { schoolYear: string } }>(items: readonly T[]): T[] => items.filter((item) => item.fields.schoolYear === schoolYear);
    const goals = view.where('goals', 'schoolYear', schoolYear);
    const see = seeingIn(view);
    const context = {
      goals: new Map(goals.map((goal) => [goal.id, goal.fields])),
      // a result linked to an analysis, as users see it (an unfinished import's is not counted)
      measurement: (id: string) => {
        const item = view.get('measurements', id);
        return item && see(item)?.fields;
      },
    };
    const contacts = await this.contacts(others);
    const works = others.map((unit) => ({
      unit,
      work: unitWork(
        ofYear(view.where('analyses', 'unitId', unit.id)),
        ofYear(view.where('actions', 'unitId', unit.id)),
        goals.filter((goal) => goal.fields.unitId === unit.id).map((goal) => goal.id),
        context,
        query,
      ),
    }));
    const indicatorIds = new Set(works.flatMap(({ work }) => work.analyses.flatMap((analysis) => analysis.indicatorIds)));
    return {
      schoolYear,
      schoolYears: this.schoolYears(view.all('analyses'), others, schoolYear),
      focusAreas: goals
        .filter((goal) => goal.fields.level === 'focusArea')
        .map((goal) => ({ goal, unitIds: works.filter(({ work }) => work.focusAreaIds.has(goal.id)).map(({ unit }) => unit.id) }))
        .sort((a, b) => a.goal.fields.title.localeCompare(b.goal.fields.title, 'sv')),
      indicators: view.all('indicators').filter((indicator) => indicatorIds.has(indicator.id) || indicator.id === query.indicatorId)
        .sort((a, b) => a.fields.name.localeCompare(b.fields.name, 'sv')),
      units: works
        .map(({ unit, work }) => ({ unit, principals: contacts.get(unit.id) ?? [], analyses: work.analyses, actions: work.actions }))
        .sort((a, b) => a.unit.fields.name.localeCompare(b.unit.fields.name, 'sv')),
    };
  }

  /** The years with a submitted analysis of another unit, and the one asked for, newest first. */
  private schoolYears(analyses: readonly Item<'analyses'>[], others: readonly Item<'units'>[], shown: SchoolYear): SchoolYear[] {
    const ids = new Set(others.map((unit) => unit.id));
    const years = new Set<SchoolYear>([shown]);
    for (const analysis of analyses) if (analysis.fields.status !== 'draft' && ids.has(analysis.fields.unitId)) years.add(analysis.fields.schoolYear);
    return [...years].sort().reverse();
  }

  /** Each unit's principals by name, from one directory call; the directory degrades rather than fails. */
  private async contacts(units: readonly Item<'units'>[]): Promise<Map<string, UnitContact[]>> {
    const ids = [...new Set(units.flatMap((unit) => unit.fields.principalIds))];
    const people = new Map((ids.length > 0 ? await this.directory.people(ids) : []).map((person) => [person.userId, person]));
    return new Map(units.map((unit) => [unit.id, unit.fields.principalIds.map((userId) => {
      const person = people.get(userId);
      const chatUrl = teamsChatUrl(person?.mail);
      return { userId, name: person?.name ?? unnamedPrincipal, ...(chatUrl !== undefined ? { chatUrl } : {}) };
    })]));
  }
}
