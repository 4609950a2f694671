import { isArchived, type SchoolYear, type SetupStep } from '../domain';
import type { Entities } from '../lists/lists';
import type { Store } from '../store/port';
import type { Caller } from './caller';
import type { UnitAccess } from './unit-access';

/** Whether a step is done, derived from what is recorded (never a stored flag), and how far it has come. */
export interface SetupStepState {
  readonly step: SetupStep;
  readonly done: boolean;
  /** what is there: units, units with a principal and a staff group, indicators, organizer goals, activities */
  readonly count: number;
  /** of how many, where the step is about every unit */
  readonly total?: number;
}

/** Whom people ask when the product is not set up: the administration, as the configuration names it. */
export interface SetupContact {
  readonly name: string;
  readonly email: string;
}

export interface SetupStatus {
  /** at least one unit in use: the product can be used */
  readonly configured: boolean;
  readonly contact: SetupContact;
  readonly schoolYear: SchoolYear;
  /** the guide's steps, for the administration only */
  readonly steps?: readonly SetupStepState[];
}

/**
 * Where setting the product up stands: whether any unit is in use (everyone may ask, to tell "not
 * set up yet, ask the administration" from "you are in no unit yet"), and for the administration
 * each step of the guide, from one batch of reads.
 */
export class SetupService {
  constructor(private readonly store: Store<Entities>, private readonly access: UnitAccess, private readonly contact: SetupContact) {}

  async status(caller: Caller, schoolYear: SchoolYear): Promise<SetupStatus> {
    const units = (await this.access.allUnits()).filter((unit) => !isArchived(unit.fields));
    const base = { configured: units.length > 0, contact: this.contact, schoolYear };
    if (!caller.appRoles.includes('Administration')) return base;
    const ofYear = { filter: [{ field: 'schoolYear', op: 'eq' as const, value: schoolYear }], top: 500 };
    const [indicators, goals, activities] = await this.store.readMany([
      { list: 'indicators', query: { top: 500 } },
      { list: 'goals', query: ofYear },
      { list: 'yearWheel', query: ofYear },
    ] as const);
    const staffed = units.filter((unit) => unit.fields.principalIds.length > 0 && unit.fields.staffGroupId !== undefined).length;
    const organizerGoals = goals.page.items.filter((goal) => goal.fields.level === 'organizer').length;
    const municipalityWide = activities.page.items.filter((activity) => activity.fields.unitId === undefined).length;
    const steps: SetupStepState[] = [
      { step: 'units', done: units.length > 0, count: units.length },
      { step: 'people', done: units.length > 0 && staffed === units.length, count: staffed, total: units.length },
      { step: 'indicators', done: indicators.page.items.length > 0, count: indicators.page.items.length },
      { step: 'goals', done: organizerGoals > 0, count: organizerGoals },
      { step: 'yearWheel', done: municipalityWide > 0, count: municipalityWide },
    ];
    return { ...base, steps };
  }
}
