/**
 * The terms of use: who offers Kvalitetshjulet to whom, for what, what may not be written in it,
 * who sees what, and whom to ask.
 */
import { mail, reviewedOn, link, type Statement, type StatementContext } from './document';
import { statementHref } from '../domain';

export function termsOfUse({ controller, lang }: StatementContext): Statement {
  if (lang === 'en') {
    return {
      title: 'Terms of use for Kvalitetshjulet',
      lead: [`${controller.name} offers Kvalitetshjulet to its staff, principals, administration and board for the systematic quality work of its schools and preschools.`],
      sections: [
        {
          heading: 'Who may use it',
          blocks: [
            { p: 'Those who have an account in the organisation\'s Microsoft 365 and have been given access to the app. What you may see and change follows your role: staff and principals their own units, the administration every unit, the board what has been summarised for it.' },
          ],
        },
        {
          heading: 'What it is for',
          blocks: [
            { p: 'For the quality work the Education Act asks for: following up results, analysing causes, planning and following up actions, and recording who is responsible for what. Use it for nothing else.' },
          ],
        },
        {
          heading: 'What you may not write',
          blocks: [
            {
              list: [
                'anything about individual pupils or children: names, personal identity numbers, grades or other information that can be traced to a pupil (Kvalitetshjulet holds results for groups only, and refuses personal identity numbers in free text)',
                'sensitive personal data, such as health, or information covered by secrecy',
                'anything that breaks the organisation\'s rules for its IT systems',
              ],
            },
          ],
        },
        {
          heading: 'Who sees what you write',
          blocks: [
            { p: 'What you record is seen by others in the unit, by the administration and, when summarised, by the board. It may be a public record that anyone can ask to read, and it is kept as the organisation\'s information management plan says.' },
          ],
        },
        {
          heading: 'Availability',
          blocks: [
            { p: ['The controller runs Kvalitetshjulet in its own Microsoft 365 and Azure and aims to keep it available, but does not promise that it always is. Report faults and ask questions at ', mail(controller.email), '.'] },
          ],
        },
        {
          heading: 'Personal data and accessibility',
          blocks: [
            { p: ['How your personal data is processed is described in the ', link('privacy statement', statementHref('privacy', 'en')), '; how accessible the app is, in the ', link('accessibility statement', statementHref('accessibility', 'en')), '.'] },
          ],
        },
        {
          heading: 'Changes',
          blocks: [
            { p: `The controller may change these terms; the version in force is always on this page. Last changed on ${reviewedOn}. Swedish law applies.` },
          ],
        },
      ],
    };
  }
  return {
    title: 'Användarvillkor för Kvalitetshjulet',
    lead: [`${controller.name} erbjuder Kvalitetshjulet till sin personal, sina rektorer, sin förvaltning och sin nämnd för det systematiska kvalitetsarbetet i skolorna och förskolorna.`],
    sections: [
      {
        heading: 'Vem som får använda tjänsten',
        blocks: [
          { p: 'Den som har ett konto i organisationens Microsoft 365 och har fått tillgång till appen. Vad du får se och ändra följer din roll: personal och rektorer sina egna enheter, förvaltningen alla enheter, nämnden det som har sammanställts för den.' },
        ],
      },
      {
        heading: 'Vad tjänsten är till för',
        blocks: [
          { p: 'För det kvalitetsarbete som skollagen kräver: att följa upp resultat, analysera orsaker, planera och följa upp åtgärder och dokumentera vem som ansvarar för vad. Använd den inte till något annat.' },
        ],
      },
      {
        heading: 'Vad du inte får skriva',
        blocks: [
          {
            list: [
              'något om enskilda elever eller barn: namn, personnummer, betyg eller annat som kan spåras till en elev (Kvalitetshjulet innehåller bara resultat för grupper och tar inte emot personnummer i fritext)',
              'känsliga personuppgifter, till exempel om hälsa, eller uppgifter som omfattas av sekretess',
              'sådant som bryter mot organisationens regler för sina it-system',
            ],
          },
        ],
      },
      {
        heading: 'Vem som ser det du skriver',
        blocks: [
          { p: 'Det du dokumenterar ser andra i enheten, förvaltningen och, när det sammanställts, nämnden. Det kan vara en allmän handling som vem som helst kan begära att få läsa, och det bevaras så som organisationens informationshanteringsplan anger.' },
        ],
      },
      {
        heading: 'Driftsäkerhet',
        blocks: [
          { p: ['Den personuppgiftsansvarige driver Kvalitetshjulet i sin egen Microsoft 365- och Azure-miljö och strävar efter att tjänsten ska vara tillgänglig, men lovar inte att den alltid är det. Anmäl fel och ställ frågor till ', mail(controller.email), '.'] },
        ],
      },
      {
        heading: 'Personuppgifter och tillgänglighet',
        blocks: [
          { p: ['Hur dina personuppgifter behandlas beskrivs i ', link('informationen om personuppgifter', statementHref('privacy', 'sv')), '; hur tillgänglig appen är i ', link('tillgänglighetsredogörelsen', statementHref('accessibility', 'sv')), '.'] },
        ],
      },
      {
        heading: 'Ändringar',
        blocks: [
          { p: `Den personuppgiftsansvarige kan ändra villkoren; de som gäller finns alltid på den här sidan. Senast ändrade ${reviewedOn}. Svensk lag gäller.` },
        ],
      },
    ],
  };
}
