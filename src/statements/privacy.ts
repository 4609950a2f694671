/**
 * The privacy statement: what Kvalitetshjulet processes about whom, why and on what legal basis,
 * where, for how long, who the processor is, the rights of the people concerned and whom to ask.
 * The municipality's board is the controller; the app runs in its own tenant and subscription.
 */
import { link, mail, type Statement, type StatementContext } from './document';
import { statementHref } from '../domain';

export function privacyStatement({ controller, lang }: StatementContext): Statement {
  const imy = 'https://www.imy.se';
  if (lang === 'en') {
    return {
      title: 'How Kvalitetshjulet processes personal data',
      lead: [`Kvalitetshjulet is the tool for systematic quality work that ${controller.name} uses in Microsoft Teams. This is what it processes about you, why, and whom to ask.`],
      sections: [
        {
          heading: 'Who is responsible',
          blocks: [
            { p: [`${controller.name} is the controller of the personal data processed in Kvalitetshjulet. Contact: `, mail(controller.email), '.'] },
            { p: ['Data protection officer: ', mail(controller.dpoEmail), '.'] },
          ],
        },
        {
          heading: 'What is processed',
          blocks: [
            { p: 'About the staff, principals, administration and board members who use the app:' },
            {
              list: [
                'your name and your user id in Microsoft Entra ID (the organisation\'s account), which Teams gives the app when you sign in',
                'your role: the units you lead or work in, and whether you belong to the administration or the board',
                'what you record in the quality work: results, analyses, goals, actions with the person responsible and the due date, comments, feedback, decisions and notes from meetings, and who took part in a meeting and in what role',
                'your answers to the follow-up questions after a meeting',
                'the Teams conversation the bot uses to send you follow-up questions and reminders',
                'who created and last changed each entry, and when',
              ],
            },
            { p: 'Kvalitetshjulet holds results for groups, never for an individual pupil. Do not write anything about individual pupils in it: it refuses personal identity numbers in free text.' },
          ],
        },
        {
          heading: 'Why, and on what legal basis',
          blocks: [
            { p: 'The Education Act (skollagen 2010:800, chapter 4, sections 3–8) requires the organiser and each unit to plan, follow up, analyse and develop education systematically, to document the work, and to act on every deficiency found. Kvalitetshjulet is used for that task: to record results, analyses and actions, who is responsible for what, and to follow them up.' },
            { p: 'The legal basis is that the processing is necessary to perform a task in the public interest (the General Data Protection Regulation, GDPR, Article 6(1)(e)), a task laid down in the Education Act.' },
          ],
        },
        {
          heading: 'Where the data is kept',
          blocks: [
            { p: `The data is kept in lists on a SharePoint site in the controller's own Microsoft 365 tenant. The app's server runs in the controller's own Azure subscription; it keeps a copy of what it reads in its memory only, to answer quickly, and its log holds no names and no content. The bot's messages reach Teams through Microsoft's Bot Framework service.` },
            { p: 'Nothing is sent to the makers of Kvalitetshjulet or to anyone else. The pages set no cookies for tracking; the sign-in keeps its session in the browser.' },
          ],
        },
        {
          heading: 'Who processes the data on our behalf',
          blocks: [
            { p: `Microsoft (Microsoft Ireland Operations Limited) is the processor for Microsoft 365 (Teams, SharePoint, Entra ID) and Azure, under the controller's agreement with Microsoft. If the controller has engaged a supplier to run the app, that supplier is a processor too; ask the controller.` },
          ],
        },
        {
          heading: 'How long',
          blocks: [
            { p: 'The documentation of the quality work is kept as long as the controller\'s information management plan (informationshanteringsplan) says, under the Archives Act; entries may be public records. Kvalitetshjulet deletes nothing on its own. The bot\'s conversation references are kept while the app is installed.' },
          ],
        },
        {
          heading: 'Your rights',
          blocks: [
            {
              list: [
                'to know whether data about you is processed, and to get a copy (access)',
                'to have wrong data corrected',
                'to have data erased or its processing restricted, as far as the duty to keep public records allows',
                'to object to the processing, since it rests on a task in the public interest',
              ],
            },
            { p: ['Write to the controller (', mail(controller.email), ') or the data protection officer (', mail(controller.dpoEmail), '). If you think the data is processed wrongly, you may complain to the Swedish Authority for Privacy Protection (Integritetsskyddsmyndigheten, ', link('imy.se', imy), ').'] },
          ],
        },
        {
          heading: 'More',
          blocks: [
            { p: ['The ', link('terms of use', statementHref('terms', 'en')), ' say how the app may be used; the ', link('accessibility statement', statementHref('accessibility', 'en')), ' says how accessible it is.'] },
          ],
        },
      ],
    };
  }
  return {
    title: 'Så behandlas personuppgifter i Kvalitetshjulet',
    lead: [`Kvalitetshjulet är verktyget för det systematiska kvalitetsarbetet som ${controller.name} använder i Microsoft Teams. Här står vad som behandlas om dig, varför och vem du frågar.`],
    sections: [
      {
        heading: 'Vem som ansvarar',
        blocks: [
          { p: [`${controller.name} är personuppgiftsansvarig för personuppgifterna i Kvalitetshjulet. Kontakt: `, mail(controller.email), '.'] },
          { p: ['Dataskyddsombud: ', mail(controller.dpoEmail), '.'] },
        ],
      },
      {
        heading: 'Vilka uppgifter som behandlas',
        blocks: [
          { p: 'Om personal, rektorer, förvaltning och nämndens ledamöter som använder appen:' },
          {
            list: [
              'ditt namn och ditt användar-id i Microsoft Entra ID (organisationens konto), som Teams ger appen när du loggar in',
              'din roll: vilka enheter du leder eller arbetar i, och om du hör till förvaltningen eller nämnden',
              'det du dokumenterar i kvalitetsarbetet: resultat, analyser, mål, åtgärder med ansvarig och slutdatum, kommentarer, återkoppling, beslut och anteckningar från möten, och vem som deltog i ett möte och i vilken roll',
              'dina svar på uppföljningsfrågorna efter ett möte',
              'den Teams-konversation som boten använder för att skicka dig uppföljningsfrågor och påminnelser',
              'vem som skapade och senast ändrade varje uppgift, och när',
            ],
          },
          { p: 'Kvalitetshjulet innehåller resultat för grupper, aldrig för enskilda elever. Skriv inget om enskilda elever i det: appen tar inte emot personnummer i fritext.' },
        ],
      },
      {
        heading: 'Varför, och med vilken rättslig grund',
        blocks: [
          { p: 'Skollagen (2010:800) 4 kap. 3–8 §§ kräver att huvudmannen och varje enhet systematiskt och kontinuerligt planerar, följer upp, analyserar och utvecklar utbildningen, dokumenterar arbetet och vidtar åtgärder för varje brist som upptäcks. Kvalitetshjulet används för den uppgiften: att dokumentera resultat, analyser och åtgärder, vem som ansvarar för vad, och att följa upp dem.' },
          { p: 'Den rättsliga grunden är att behandlingen är nödvändig för att utföra en uppgift av allmänt intresse (dataskyddsförordningen, GDPR, artikel 6.1 e), en uppgift som följer av skollagen.' },
        ],
      },
      {
        heading: 'Var uppgifterna finns',
        blocks: [
          { p: `Uppgifterna sparas i listor på en SharePoint-webbplats i den personuppgiftsansvariges egen Microsoft 365-miljö. Appens server körs i den personuppgiftsansvariges egen Azure-prenumeration; den håller en kopia av det den läser bara i sitt minne, för att svara snabbt, och dess logg innehåller inga namn och inget innehåll. Botens meddelanden når Teams genom Microsofts tjänst Bot Framework.` },
          { p: 'Inget skickas till dem som har tagit fram Kvalitetshjulet eller till någon annan. Sidorna sätter inga kakor för spårning; inloggningen sparar sin session i webbläsaren.' },
        ],
      },
      {
        heading: 'Vem som behandlar uppgifterna åt oss',
        blocks: [
          { p: `Microsoft (Microsoft Ireland Operations Limited) är personuppgiftsbiträde för Microsoft 365 (Teams, SharePoint, Entra ID) och Azure, enligt den personuppgiftsansvariges avtal med Microsoft. Om den personuppgiftsansvarige har anlitat en leverantör för att driva appen är också den ett personuppgiftsbiträde; fråga den personuppgiftsansvarige.` },
        ],
      },
      {
        heading: 'Hur länge',
        blocks: [
          { p: 'Dokumentationen av kvalitetsarbetet bevaras så länge den personuppgiftsansvariges informationshanteringsplan anger, enligt arkivlagen; uppgifterna kan vara allmänna handlingar. Kvalitetshjulet raderar inget på egen hand. Botens konversationsreferenser sparas så länge appen är installerad.' },
        ],
      },
      {
        heading: 'Dina rättigheter',
        blocks: [
          {
            list: [
              'att få veta om uppgifter om dig behandlas, och att få en kopia (registerutdrag)',
              'att få felaktiga uppgifter rättade',
              'att få uppgifter raderade eller behandlingen begränsad, i den mån skyldigheten att bevara allmänna handlingar tillåter',
              'att invända mot behandlingen, eftersom den grundar sig på en uppgift av allmänt intresse',
            ],
          },
          { p: ['Skriv till den personuppgiftsansvarige (', mail(controller.email), ') eller dataskyddsombudet (', mail(controller.dpoEmail), '). Om du tycker att uppgifterna behandlas fel kan du klaga hos Integritetsskyddsmyndigheten (', link('imy.se', imy), ').'] },
        ],
      },
      {
        heading: 'Mer',
        blocks: [
          { p: [link('Användarvillkoren', statementHref('terms', 'sv')), ' säger hur appen får användas; ', link('tillgänglighetsredogörelsen', statementHref('accessibility', 'sv')), ' säger hur tillgänglig den är.'] },
        ],
      },
    ],
  };
}
