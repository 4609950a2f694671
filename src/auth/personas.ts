import type { AppRole } from './principal';

/**
 * The fictional people of local mode. The demo seed makes them principals and staff of its units
 * through these ids, so the ids are fixed and exported.
 */

/** The dev identity provider's tenant. */
export const DEV_TENANT_ID = '0d0d0d0d-0000-4000-8000-000000000001';

/** Entra object ids (`oid`) of the personas. */
export const PERSONA_USER_IDS = {
  admin: '1a000000-0000-4000-8000-000000000001',
  board: '1a000000-0000-4000-8000-000000000002',
  principalBjork: '1a000000-0000-4000-8000-000000000003',
  principalLind: '1a000000-0000-4000-8000-000000000004',
  staffBjork: '1a000000-0000-4000-8000-000000000005',
  staffLind: '1a000000-0000-4000-8000-000000000006',
  staffEkbacken: '1a000000-0000-4000-8000-000000000007',
} as const;

/** Entra group ids of the units' staff groups (the Units list's staff group id). */
export const STAFF_GROUP_IDS = {
  bjorkskolan: '2b000000-0000-4000-8000-000000000001',
  lindgymnasiet: '2b000000-0000-4000-8000-000000000002',
  ekbackensForskola: '2b000000-0000-4000-8000-000000000003',
} as const;

/** The demo staff groups as the local directory names them. */
export const STAFF_GROUPS: readonly { readonly groupId: string; readonly name: string }[] = [
  { groupId: STAFF_GROUP_IDS.bjorkskolan, name: 'Personal Björkskolan' },
  { groupId: STAFF_GROUP_IDS.lindgymnasiet, name: 'Personal Lindgymnasiet' },
  { groupId: STAFF_GROUP_IDS.ekbackensForskola, name: 'Personal Ekbackens förskola' },
];

export type PersonaId =
  | 'admin'
  | 'board'
  | 'principal-bjork'
  | 'principal-lind'
  | 'staff-bjork'
  | 'staff-lind'
  | 'staff-ekbacken';

export interface Persona {
  readonly id: PersonaId;
  /** Entra object id. */
  readonly userId: string;
  readonly name: string;
  readonly username: string;
  /** Swedish job title, shown in the persona picker. */
  readonly title: string;
  /** Swedish: what this persona may do in the app. */
  readonly roleDescription: string;
  readonly appRoles: readonly AppRole[];
  readonly groups: readonly string[];
}

export const PERSONAS: readonly Persona[] = [
  {
    id: 'admin',
    userId: PERSONA_USER_IDS.admin,
    name: 'Anna Lindqvist',
    username: 'anna.lindqvist@demokommun.example',
    title: 'Kvalitetsutvecklare, förvaltningen',
    roleDescription: 'Förvaltningen: ser och redigerar alla enheter, årshjul, mallar och återkoppling.',
    appRoles: ['Administration'],
    groups: [],
  },
  {
    id: 'board',
    userId: PERSONA_USER_IDS.board,
    name: 'Bengt Holm',
    username: 'bengt.holm@demokommun.example',
    title: 'Ledamot i barn- och utbildningsnämnden',
    roleDescription: 'Nämnden: läser huvudmannens sammanställning och det enheterna har lämnat in.',
    appRoles: ['Board'],
    groups: [],
  },
  {
    id: 'principal-bjork',
    userId: PERSONA_USER_IDS.principalBjork,
    name: 'Cecilia Ek',
    username: 'cecilia.ek@demokommun.example',
    title: 'Rektor, Björkskolan (F–6) och Björkskolans fritidshem',
    roleDescription: 'Rektor: leder sina enheters kvalitetsarbete och läser andra enheters inlämnade analyser.',
    appRoles: [],
    groups: [],
  },
  {
    id: 'principal-lind',
    userId: PERSONA_USER_IDS.principalLind,
    name: 'David Sjöberg',
    username: 'david.sjoberg@demokommun.example',
    title: 'Rektor, Lindgymnasiet',
    roleDescription: 'Rektor: leder sin enhets kvalitetsarbete och läser andra enheters inlämnade analyser.',
    appRoles: [],
    groups: [],
  },
  {
    id: 'staff-bjork',
    userId: PERSONA_USER_IDS.staffBjork,
    name: 'Elin Berg',
    username: 'elin.berg@demokommun.example',
    title: 'Lärare, Björkskolan',
    roleDescription: 'Personal: deltar i sin enhets analys, äger åtgärder och svarar på uppföljningsfrågor.',
    appRoles: [],
    groups: [STAFF_GROUP_IDS.bjorkskolan],
  },
  {
    id: 'staff-lind',
    userId: PERSONA_USER_IDS.staffLind,
    name: 'Farid Haddad',
    username: 'farid.haddad@demokommun.example',
    title: 'Lärare, Lindgymnasiet',
    roleDescription: 'Personal: deltar i sin enhets analys, äger åtgärder och svarar på uppföljningsfrågor.',
    appRoles: [],
    groups: [STAFF_GROUP_IDS.lindgymnasiet],
  },
  {
    id: 'staff-ekbacken',
    userId: PERSONA_USER_IDS.staffEkbacken,
    name: 'Greta Nyström',
    username: 'greta.nystrom@demokommun.example',
    title: 'Förskollärare, Ekbackens förskola',
    roleDescription: 'Personal: deltar i sin enhets analys, äger åtgärder och svarar på uppföljningsfrågor.',
    appRoles: [],
    groups: [STAFF_GROUP_IDS.ekbackensForskola],
  },
];

export function findPersona(id: string): Persona | undefined {
  return PERSONAS.find((persona) => persona.id === id);
}
