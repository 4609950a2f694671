import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import { describe, expect, it } from 'vitest';
import { themeFor } from './theme';

describe('themeFor', () => {
  it("maps Teams' theme names to Fluent's Teams themes", () => {
    expect(themeFor('default')).toBe(teamsLightTheme);
    expect(themeFor('dark')).toBe(teamsDarkTheme);
    expect(themeFor('contrast')).toBe(teamsHighContrastTheme);
    expect(themeFor('glass')).toBe(teamsLightTheme);
    expect(themeFor(undefined)).toBe(teamsLightTheme);
  });
});
