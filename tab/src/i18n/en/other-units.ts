import type { Texts } from '../texts';
import type { otherUnits as sv } from '../sv/other-units';

/** "Andra enheter" (other units), English. */
export const otherUnits: Texts<typeof sv> = {
  title: 'Other units',
  intro: 'Read other units\' submitted analyses, their actions and how they went. Search by a focus area or an indicator and see who works on the same thing, so you know whom to ask.',
  openFromChooser: 'Other units: learn from each other',
  backToChooser: 'Switch unit',
  search: 'Search',
  allFocusAreas: 'All focus areas',
  allIndicators: 'All indicators',
  commonAreas: 'The municipality\'s common development areas',
  commonAreasIntro: 'The units working on each focus area (goals, actions or analyses linked to it) and whom to ask.',
  noCommonAreas: 'No focus areas for the school year yet.',
  nobodyOnArea: 'No other unit works on this yet.',
  chatWith: 'Chat with {name} in Teams',
  whomToAsk: 'Whom can I ask?',
  units: 'The units\' work',
  noMatch: 'No other unit has submitted analyses or actions that match the search.',
  nothingYet: 'Nothing submitted yet.',
  actions: 'Actions and how they went',
  fromAnalysis: 'Comes from the analysis',
  dueBy: 'Due {date}',
  readOnly: 'Read only: each unit changes its own work. Drafts are never shown.',
};
