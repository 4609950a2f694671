/**
 * The corpus of the personnummer rule: valid personal identity numbers in the forms people type
 * (each with the text it stands as), and the numbers that must keep passing. The domain's spec
 * checks the rule against it; the attack suite (test/attack) types each form into every free-text
 * field of every write route.
 */
/** Valid numbers in the forms people type (date valid, Luhn holds), each as it stands in the text. */
export const personalIdentityNumbers: readonly [string, string][] = [
  ['Elev 19121212-1212 behöver stöd', '19121212-1212'],
  ['pnr 121212-1212.', '121212-1212'],
  ['201212121212', '201212121212'],
  ['8112289874 saknas', '8112289874'],
  ['samordningsnummer 701063-2391', '701063-2391'],
  ['med mellanslag 19121212 1212', '19121212 1212'],
  ['Eleven 20121212–1212 behöver stöd', '20121212–1212'], // en dash, as Word and Teams write it
  ['121212–1212', '121212–1212'],
  ['121212—1212', '121212—1212'], // em dash
  ['121212+1212', '121212+1212'], // 100 years or older
  ['19121212 - 1212', '19121212 - 1212'],
  ['121212 – 1212', '121212 – 1212'],
  ['121212\u00a01212', '121212\u00a01212'], // no-break space
  ['121212\u20111212', '121212\u20111212'], // non-breaking hyphen
  ['121212\u22121212', '121212\u22121212'], // minus sign
  ['140407\u20107602', '140407\u20107602'], // hyphen
  ['811228-9874', '811228-9874'],
  ['19811228-9874', '19811228-9874'],
  ['198112289874', '198112289874'],
  ['811228 9874', '811228 9874'],
  ['född 20150614-2387', '20150614-2387'],
  ['150614–2387', '150614–2387'],
  ['20090301 4561', '20090301 4561'],
  ['090301-4561', '090301-4561'],
  ['20170815—9023', '20170815—9023'],
  ['1708159023', '1708159023'],
  ['460705+1127', '460705+1127'],
  ['19460705-1127', '19460705-1127'],
  ['010101-0106', '010101-0106'],
  ['20010101 0106', '20010101 0106'],
  ['samordningsnummer 121272-3439', '121272-3439'], // day 12 + 60
  ['19121272 3439', '19121272 3439'],
  ['081161–5558', '081161–5558'], // day 1 + 60
  ['20081161-5558', '20081161-5558'],
  ['991231-9986', '991231-9986'],
  ['19991231 9986', '19991231 9986'],
  ['20140407-7602', '20140407-7602'],
  ['1610103457', '1610103457'],
  ['030520-2129', '030520-2129'],
  ['200904 8881', '200904 8881'],
  ['Elev: 130711-4346, åk 6', '130711-4346'],
  ['pnr:19121212-1212.', '19121212-1212'],
  ['(121212-1212)', '121212-1212'],
  ['Ärende om 20130711–4346 och 121212-1212', '20130711–4346'],
];

/** What must keep passing: dates, phone numbers, diarienummer, organisationsnummer, amounts, years, ids. */
export const legitimate: readonly string[] = [
  'Ring 0414-81 95 06',
  '070-123 45 67',
  'ring 070-1234567',
  '+46 70 123 45 67',
  '08-123 456 78',
  '031-12 34 56',
  '+46 (0)8 123 456 78',
  'BUN 2026/123',
  'Dnr KS 2025/1234',
  'Organisationsnummer 212000-1124',
  '556036-0793',
  '232100-0016',
  '2026-01-20',
  '20260120',
  '2026-01-20 10:30',
  '20 januari 2026',
  '1 250 000 kr',
  '12 345,50 kr',
  '2025/26',
  '2025/26 HT',
  'läsåret 2024/2025',
  'Skolenhetskod 12345678',
  'Meritvärdet steg till 231,5 och behörigheten till 87 %',
  'Kl. 08.30–10.00',
  'sidan 12–14',
  '2026-01-20–2026-01-24',
  'Mötet 2026-03-10 kl. 13:00–15:00',
  'Fakturanr 123456789',
  'OCR 1234567890123',
  'åk 7–9',
  'Kolada N15419',
  'Vecka 12, 2026',
  '262 91 Ängelholm',
  '2024–2026',
  '1 200–1 500 elever',
  'Bankgiro 5050-1055',
  '19121212-1213', // wrong check digit
  '121312-1212', // month 13
  '190230-1116', // 30 February
  '100229-5317', // 29 February in a year that has none
  '00000000-0000-0000-0000-000000000011', // an Entra object id
  '19121212-1212-4abc-9def-121212121212', // an id whose digits only look like one
];
