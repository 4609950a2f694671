import { z } from 'zod';
import { title } from './text';
import { countedParticipantRoles, participantRoles } from './choices';
import { ruleMessages } from './messages';

/** A list item id as SharePoint gives it: a positive integer as a string. */
export const itemId = z.string().regex(/^[1-9]\d*$/, ruleMessages.itemId.sv);

/**
 * An Entra ID object id: a GUID. Any 8-4-4-4-12 hex form is taken, not only RFC 4122 variants,
 * because test tenants and Microsoft 365 Agents Playground use ids like 00000000-0000-0000-0000-000000000011.
 */
export const objectId = z.guid();

/** A calendar date, "YYYY-MM-DD". */
export const isoDate = z.iso.date();

/** An instant, ISO 8601 with offset. */
export const isoDateTime = z.iso.datetime({ offset: true });

/** "2025/26": the school year starting in the autumn of 2025. */
export const schoolYear = z
  .string()
  .regex(/^\d{4}\/\d{2}$/, ruleMessages.schoolYear.sv)
  .refine((value) => (Number(value.slice(0, 4)) + 1) % 100 === Number(value.slice(5)), ruleMessages.schoolYearOrder.sv);
export type SchoolYear = z.infer<typeof schoolYear>;

/** A day as "YYYY-MM-DD" in UTC, the form calendar dates are stored in. */
export function isoDay(date: Date | number): string {
  return new Date(date).toISOString().slice(0, 10);
}

/** The school year a date falls in; a new school year starts on 1 July. */
export function schoolYearOf(date: string | Date): SchoolYear {
  const d = typeof date === 'string' ? new Date(date) : date;
  const start = d.getUTCMonth() >= 6 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The school year before `year`. */
export function previousSchoolYear(year: SchoolYear): SchoolYear {
  const start = Number(year.slice(0, 4)) - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/**
 * A follow-up period: a school year, or one of its terms (HT autumn, VT spring).
 * "2025/26", "2025/26 HT", "2025/26 VT".
 */
export const period = z.string().regex(/^\d{4}\/\d{2}( (HT|VT))?$/, ruleMessages.period.sv);

export function schoolYearOfPeriod(value: string): SchoolYear {
  return value.slice(0, 7);
}

export const participant = z
  .strictObject({
    role: z.enum(participantRoles),
    /** Entra object id of a staff member; never for pupils, children or guardians */
    userId: objectId.optional(),
    displayName: title.optional(),
    /** how many took part, for the roles that are counted */
    count: z.number().int().min(1).max(10_000).optional(),
  })
  .superRefine((value, ctx) => {
    if (countedParticipantRoles.includes(value.role)) {
      if (value.userId !== undefined || value.displayName !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['displayName'], message: ruleMessages.pupilsCounted.sv });
      }
      if (value.count === undefined) ctx.addIssue({ code: 'custom', path: ['count'], message: ruleMessages.countParticipants.sv });
    } else if (value.userId === undefined && value.displayName === undefined) {
      ctx.addIssue({ code: 'custom', path: ['displayName'], message: ruleMessages.nameParticipant.sv });
    }
  });
export type Participant = z.infer<typeof participant>;
