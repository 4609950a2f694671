/**
 * The accessibility statement (tillgänglighetsredogörelse) that lagen (2018:1937) om
 * tillgänglighet till digital offentlig service asks of a public-sector digital service, with the
 * contents Digg lists: the public body and the service, how far it complies, the content that is
 * not accessible and why, how it was assessed and when, where to report problems, and Digg's
 * reporting page.
 */
import { link, mail, reviewedOn, type Statement, type StatementContext } from './document';

const diggReport = 'https://www.digg.se/tdosanmalan';

export function accessibilityStatement({ controller, lang }: StatementContext): Statement {
  if (lang === 'en') {
    return {
      title: 'Accessibility statement for Kvalitetshjulet',
      lead: [`${controller.name} is responsible for Kvalitetshjulet. We want as many people as possible to be able to use it. This statement describes how it complies with the Swedish Act on accessibility to digital public services (lagen (2018:1937) om tillgänglighet till digital offentlig service), the known shortcomings, and how to report problems so that we can fix them.`],
      sections: [
        {
          heading: 'How accessible is Kvalitetshjulet?',
          blocks: [
            { p: 'Kvalitetshjulet partially complies with the Act, because of the shortcomings listed below.' },
            { p: 'It is in Swedish and English; it can be used with the keyboard alone and with a screen reader (every control has a name, and results shown in charts are in tables too); it follows the Teams themes, high contrast included; and it works on a screen 375 pixels wide.' },
          ],
        },
        {
          heading: 'What to do if you cannot use part of it',
          blocks: [
            { p: ['If you need something from Kvalitetshjulet in another form, or cannot reach something, write to ', mail(controller.accessibilityEmail), '.'] },
          ],
        },
        {
          heading: 'Report shortcomings',
          blocks: [
            { p: ['If you find a problem that is not described here, or think Kvalitetshjulet does not meet the requirements of the Act, tell us at ', mail(controller.accessibilityEmail), '. Please say which view or page it was and what happened.'] },
          ],
        },
        {
          heading: 'Supervision',
          blocks: [
            { p: ['The Agency for Digital Government (Myndigheten för digital förvaltning, Digg) supervises the Act. If you are not satisfied with how we handle your report, you can ', link('report it to Digg', diggReport), '.'] },
          ],
        },
        {
          heading: 'Technical information about the accessibility',
          blocks: [
            { p: 'Kvalitetshjulet partially complies with EN 301 549, which includes WCAG 2.1 level AA, because of the shortcomings below.' },
          ],
        },
        {
          heading: 'Content that is not accessible',
          blocks: [
            {
              list: [
                'Kvalitetshjulet has not yet been reviewed by hand with screen readers and screen magnifiers. The automated tests cover only part of the requirements of WCAG 2.1, so shortcomings they cannot see may remain.',
                'The bot\'s cards are drawn by Teams. How they work with a screen reader, in high contrast and when enlarged depends on the Teams app you use, not on Kvalitetshjulet.',
                'The reports downloaded as Word documents have headings and tables, but have not been checked with Word\'s accessibility checker.',
                'What users write themselves, and files imported from other sources, are not checked for accessibility.',
              ],
            },
            { p: 'No content is exempted as an unreasonable burden (section 12 of the Act).' },
          ],
        },
        {
          heading: 'How we tested Kvalitetshjulet',
          blocks: [
            { p: 'We have assessed Kvalitetshjulet ourselves. Every change is tested in a browser with axe-core against WCAG 2.1 levels A and AA at widths of 1280 and 375 pixels, in the channel, the meeting, the organiser\'s views and these pages, and moving between the views is tested with the keyboard.' },
            { p: `The latest assessment was made on ${reviewedOn}. The statement was last updated on ${reviewedOn}.` },
          ],
        },
      ],
    };
  }
  return {
    title: 'Tillgänglighetsredogörelse för Kvalitetshjulet',
    lead: [`${controller.name} står bakom Kvalitetshjulet. Vi vill att så många som möjligt ska kunna använda tjänsten. Här beskriver vi hur den uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, vilka kända brister den har och hur du kan rapportera problem så att vi kan åtgärda dem.`],
    sections: [
      {
        heading: 'Hur tillgänglig är tjänsten?',
        blocks: [
          { p: 'Tjänsten är delvis förenlig med lagen, på grund av de brister som beskrivs nedan.' },
          { p: 'Den finns på svenska och engelska; den går att använda med enbart tangentbord och med skärmläsare (varje kontroll har ett namn, och resultat som visas i diagram finns också i tabeller); den följer Teams teman, också högkontrast; och den fungerar på en skärm som är 375 pixlar bred.' },
        ],
      },
      {
        heading: 'Vad kan du göra om du inte kan använda delar av tjänsten?',
        blocks: [
          { p: ['Om du behöver innehåll från Kvalitetshjulet i ett annat format, eller inte kommer åt något, skriv till ', mail(controller.accessibilityEmail), '.'] },
        ],
      },
      {
        heading: 'Rapportera brister i tjänstens tillgänglighet',
        blocks: [
          { p: ['Om du upptäcker problem som inte beskrivs här, eller om du anser att tjänsten inte uppfyller lagens krav, meddela oss på ', mail(controller.accessibilityEmail), '. Skriv gärna vilken vy eller sida det gäller och vad som hände.'] },
        ],
      },
      {
        heading: 'Tillsyn',
        blocks: [
          { p: ['Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du ', link('anmäla det till Digg', diggReport), '.'] },
        ],
      },
      {
        heading: 'Teknisk information om tjänstens tillgänglighet',
        blocks: [
          { p: 'Tjänsten är delvis förenlig med EN 301 549, som innefattar WCAG 2.1 nivå AA, på grund av de brister som beskrivs nedan.' },
        ],
      },
      {
        heading: 'Innehåll som inte är tillgängligt',
        blocks: [
          {
            list: [
              'Kvalitetshjulet har ännu inte granskats manuellt med skärmläsare och förstoringsprogram. De automatiska testerna täcker bara en del av kraven i WCAG 2.1, så brister som de inte ser kan finnas kvar.',
              'Botens kort ritas av Teams. Hur de fungerar med skärmläsare, i högkontrast och förstorade beror på den Teams-app du använder, inte på Kvalitetshjulet.',
              'Rapporterna som laddas ner som Word-dokument har rubriker och tabeller, men har inte granskats med Words tillgänglighetskontroll.',
              'Det som användarna själva skriver, och filer som importeras från andra källor, granskas inte för tillgänglighet.',
            ],
          },
          { p: 'Inget innehåll är undantaget som oskäligt betungande anpassning (12 § i lagen).' },
        ],
      },
      {
        heading: 'Hur vi testat tjänsten',
        blocks: [
          { p: 'Vi har gjort en självskattning (intern testning) av Kvalitetshjulet. Varje ändring testas i en webbläsare med axe-core mot WCAG 2.1 nivå A och AA i bredderna 1280 och 375 pixlar, i kanalen, mötet, huvudmannens vyer och de här sidorna, och att man kan gå mellan vyerna med tangentbordet testas också.' },
          { p: `Senaste bedömningen gjordes ${reviewedOn}. Redogörelsen uppdaterades senast ${reviewedOn}.` },
        ],
      },
    ],
  };
}
