import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';

/** Teams' theme names mapped to Fluent v9's Teams themes; anything unknown is the light theme. */
export function themeFor(teamsTheme: string | undefined): Theme {
  switch (teamsTheme) {
    case 'dark':
      return teamsDarkTheme;
    case 'contrast':
      return teamsHighContrastTheme;
    default:
      return teamsLightTheme;
  }
}
