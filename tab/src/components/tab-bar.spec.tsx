import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import '../testing/polyfills';
import { I18nProvider } from '../i18n/i18n';
import { TabBar } from './tab-bar';

const items = [
  { value: 'overview', label: 'Översikt' },
  { value: 'results', label: 'Resultat' },
  { value: 'actions', label: 'Åtgärder' },
] as const;

function Bar() {
  const [selected, setSelected] = useState<(typeof items)[number]['value']>('overview');
  return (
    <FluentProvider theme={teamsLightTheme}>
      <I18nProvider language="sv">
        <TabBar aria-label="Vyer" items={items} selected={selected} onSelect={setSelected} panelId="panel" />
        <p>Vald: {selected}</p>
      </I18nProvider>
    </FluentProvider>
  );
}

describe('TabBar', () => {
  afterEach(cleanup);

  it('puts no focusable element inside an aria-hidden one: no focus sentinels around the tabs', () => {
    const { container } = render(<Bar />);
    expect(screen.getByRole('tablist', { name: 'Vyer' })).toBeTruthy();
    expect(container.ownerDocument.querySelectorAll('[aria-hidden="true"][tabindex="0"], [aria-hidden="true"] [tabindex="0"]')).toHaveLength(0);
    expect(container.querySelectorAll('[data-tabster-dummy]')).toHaveLength(0);
  });

  it('keeps only the selected tab in the Tab order and moves along the tabs with the arrow keys', async () => {
    render(<Bar />);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((tab) => tab.getAttribute('tabindex'))).toEqual(['0', '-1', '-1']);
    expect(tabs[0]?.getAttribute('aria-controls')).toBe('panel');
    await userEvent.tab();
    expect(document.activeElement).toBe(tabs[0]);
    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(tabs[1]);
    await userEvent.keyboard('{End}');
    expect(document.activeElement).toBe(tabs[2]);
    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(tabs[0]);
    await userEvent.keyboard('{ArrowLeft}{Enter}');
    expect(screen.getByText('Vald: actions')).toBeTruthy();
    expect(tabs.map((tab) => tab.getAttribute('tabindex'))).toEqual(['-1', '-1', '0']);
  });
});
