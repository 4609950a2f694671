/** The English catalogue: the TypeScript compiler holds it to the Swedish one's keys. */
export { common } from './common';
export { channel } from './channel';
export { organizer } from './organizer';
export { meeting } from './meeting';
export { setup } from './setup';
export { otherUnits } from './other-units';
