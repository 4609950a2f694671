/**
 * The answers of Skolverket's school-unit register (Skolenhetsregistret, open API v2) as this
 * product reads them: the list `GET /v2/school-units` and one unit's details
 * `GET /v2/school-units/{schoolUnitCode}`. Only the fields read here are checked; the register may
 * add others, which are ignored.
 */
import { z } from 'zod';
import { registerStatuses } from '../domain';

/** The register's school forms (CodeSchoolType). */
export const registerSchoolTypes = ['FKLASS', 'FTH', 'OPPFTH', 'GR', 'GRAN', 'SP', 'SAM', 'GY', 'GYAN', 'VUX'] as const;
export type RegisterSchoolType = (typeof registerSchoolTypes)[number];

const code = z.string().regex(/^\d{8}$/);
const name = z.string().trim().min(1).max(255);

/** One unit of the list: `{ schoolUnitCode, name, status }`. */
const ListEntrySchema = z.object({ schoolUnitCode: code, name, status: z.enum(registerStatuses) });

/** `GET /v2/school-units`: `{ meta: { extractDate }, data: { type: "schoolunit", attributes: [...] } }`. */
export const SchoolUnitListAnswerSchema = z.object({
  meta: z.object({ extractDate: z.string().optional() }).optional(),
  data: z.object({ type: z.string().optional(), attributes: z.array(ListEntrySchema) }),
});
export type SchoolUnitListAnswer = z.infer<typeof SchoolUnitListAnswerSchema>;

/**
 * `GET /v2/school-units/{schoolUnitCode}`: `{ meta, links, data: { type, schoolUnitCode, attributes:
 * { displayName, status, municipalityCode, schoolTypes, ... } }, included }`.
 */
export const SchoolUnitDetailAnswerSchema = z.object({
  data: z.object({
    type: z.string().optional(),
    schoolUnitCode: code,
    attributes: z.object({
      displayName: name,
      status: z.enum(registerStatuses),
      municipalityCode: z.string().regex(/^\d{4}$/).optional(),
      // a form the register adds later is kept out, not a reason to refuse the unit
      schoolTypes: z.array(z.string()).optional(),
    }),
  }),
});
export type SchoolUnitDetailAnswer = z.infer<typeof SchoolUnitDetailAnswerSchema>;
