/**
 * A unit as the register names it, whichever answer it came from, and how the register's school
 * forms become the product's unit types.
 */
import type { RegisterStatus, UnitType } from '../domain';
import { registerSchoolTypes, type RegisterSchoolType, type SchoolUnitDetailAnswer, type SchoolUnitListAnswer } from './answers';

export interface RegisterUnit {
  readonly schoolUnitCode: string;
  readonly name: string;
  readonly status: RegisterStatus;
  /** the unit's school forms; unknown when it came from the list, which does not name them */
  readonly schoolTypes?: readonly RegisterSchoolType[];
  readonly municipalityCode?: string;
}

/**
 * Which unit type a unit's school forms make it, the first of these that it has: a unit of a
 * grundskola with förskoleklass and fritidshem is a grundskola. Specialskola and sameskola are
 * compulsory schooling. Preschools are not in the register: they are added by hand.
 */
const typeOrder: readonly (readonly [RegisterSchoolType, UnitType])[] = [
  ['GY', 'gymnasieskola'],
  ['GR', 'grundskola'],
  ['SP', 'grundskola'],
  ['SAM', 'grundskola'],
  ['GYAN', 'anpassadGymnasieskola'],
  ['GRAN', 'anpassadGrundskola'],
  ['VUX', 'vuxenutbildning'],
  ['FKLASS', 'grundskola'],
  ['FTH', 'fritidshem'],
  ['OPPFTH', 'fritidshem'],
];

/** The unit type of a unit with these school forms; undefined without any the product knows. */
export function unitTypeOf(schoolTypes: readonly RegisterSchoolType[]): UnitType | undefined {
  return typeOrder.find(([form]) => schoolTypes.includes(form))?.[1];
}

function isSchoolType(value: string): value is RegisterSchoolType {
  return (registerSchoolTypes as readonly string[]).includes(value);
}

export function fromListAnswer(answer: SchoolUnitListAnswer): RegisterUnit[] {
  return answer.data.attributes.map((entry) => ({ schoolUnitCode: entry.schoolUnitCode, name: entry.name, status: entry.status }));
}

export function fromDetailAnswer(answer: SchoolUnitDetailAnswer): RegisterUnit {
  const { schoolUnitCode, attributes } = answer.data;
  return {
    schoolUnitCode,
    name: attributes.displayName,
    status: attributes.status,
    schoolTypes: (attributes.schoolTypes ?? []).filter(isSchoolType),
    ...(attributes.municipalityCode !== undefined ? { municipalityCode: attributes.municipalityCode } : {}),
  };
}
