/**
 * A file of the register's JSON, as the register gives it: the list answer, one unit's details, or
 * a list of detail answers (one per unit). Whatever else a file holds is refused with a reason.
 */
import type { z } from 'zod';
import { SchoolUnitDetailAnswerSchema, SchoolUnitListAnswerSchema } from './answers';
import { fromDetailAnswer, fromListAnswer, type RegisterUnit } from './school-units';

export type RegisterReading =
  | { readonly ok: true; readonly units: RegisterUnit[]; readonly from: 'list' | 'details' }
  | { readonly ok: false; readonly reason: string };

/** Where in the file the first problem is: "enhet 3: data.attributes.status". */
function where(error: z.ZodError, prefix: string): string {
  const path = error.issues[0]?.path.map(String).join('.') ?? '';
  return `${prefix}${path || '(hela svaret)'}`;
}

/** Reads the register's JSON (text) into units; `maxUnits` bounds what one file may hold. */
export function readRegisterAnswer(text: string, maxUnits: number): RegisterReading {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'Filen är inte JSON.' };
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return { ok: false, reason: 'Filen har inga enheter.' };
    if (value.length > maxUnits) return { ok: false, reason: `Filen har ${value.length} enheter; högst ${maxUnits} tas emot på en gång.` };
    const units: RegisterUnit[] = [];
    for (const [index, entry] of value.entries()) {
      const detail = SchoolUnitDetailAnswerSchema.safeParse(entry);
      if (!detail.success) return { ok: false, reason: `Enhet ${index + 1} i filen är inte ett svar från registret om en skolenhet (${where(detail.error, '')}).` };
      units.push(fromDetailAnswer(detail.data));
    }
    return { ok: true, units, from: 'details' };
  }
  const list = SchoolUnitListAnswerSchema.safeParse(value);
  if (list.success) {
    if (list.data.data.attributes.length > maxUnits) return { ok: false, reason: `Filen har ${list.data.data.attributes.length} enheter; högst ${maxUnits} tas emot på en gång.` };
    return { ok: true, units: fromListAnswer(list.data), from: 'list' };
  }
  const detail = SchoolUnitDetailAnswerSchema.safeParse(value);
  if (detail.success) return { ok: true, units: [fromDetailAnswer(detail.data)], from: 'details' };
  const looksLikeList = typeof value === 'object' && value !== null && 'data' in value && typeof value.data === 'object' && value.data !== null && 'attributes' in value.data && Array.isArray(value.data.attributes);
  return {
    ok: false,
    reason: looksLikeList
      ? `Registrets lista över skolenheter kunde inte läsas (${where(list.error, '')}).`
      : 'Filen är inte ett svar från Skolverkets skolenhetsregister (listan över skolenheter eller en skolenhets uppgifter).',
  };
}
