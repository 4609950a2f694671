import { describe, expect, it } from 'vitest';
import { demoController } from '../config';
import { accessibilityStatement } from './accessibility';
import { languages } from '../domain';
import type { StatementContext } from './document';
import { renderStatementPage } from './page';
import { privacyStatement } from './privacy';
import { termsOfUse } from './terms';

const writers = { privacy: privacyStatement, terms: termsOfUse, accessibility: accessibilityStatement } as const;
const langs = languages;

describe('renderStatementPage', () => {
  it('escapes what comes from the configuration', () => {
    const controller = { ...demoController, name: 'Nämnden <b>"A & B"</b>', email: 'x"@kommun.se' };
    const html = renderStatementPage({ key: 'privacy', lang: 'sv', statement: privacyStatement({ controller, lang: 'sv' }), controller });
    expect(html).not.toContain('<b>');
    expect(html).toContain('Nämnden &lt;b&gt;&quot;A &amp; B&quot;&lt;/b&gt;');
    expect(html).toContain('href="mailto:x&quot;@kommun.se"');
  });

  it.each(Object.keys(writers) as (keyof typeof writers)[])('%s: one h1, headed sections, the same structure in Swedish and English', (key) => {
    const shapes = langs.map((lang) => {
      const context: StatementContext = { controller: demoController, lang };
      const html = renderStatementPage({ key, lang, statement: writers[key](context), controller: demoController });
      expect(html.match(/<h1>/g)).toHaveLength(1);
      expect(html.match(/<main id="main">/g)).toHaveLength(1);
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain(demoController.name);
      return writers[key](context).sections.map((section) => section.blocks.map((block) => ('p' in block ? 'p' : `list${block.list.length}`)).join());
    });
    expect(shapes[0]?.length).toBeGreaterThan(3);
    expect(shapes[1]).toEqual(shapes[0]);
  });
});
