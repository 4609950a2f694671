/** The Swedish catalogue, section by section (the domain's vocabulary comes from src/domain). */
export { common } from './common';
export { channel } from './channel';
export { organizer } from './organizer';
export { meeting } from './meeting';
export { setup } from './setup';
export { otherUnits } from './other-units';
