/**
 * The Teams look: Fluent UI web components (v3) and the Teams theme tokens of @fluentui/tokens.
 * setTheme writes the tokens as CSS custom properties into a constructed stylesheet on
 * document.adoptedStyleSheets, and each component styles its shadow root the same way, so nothing
 * needs an inline style and the page's `style-src 'self'` stands. styles.css reads the same tokens
 * (var(--colorNeutralBackground1) and so on) for the page's own native controls.
 */
import '@fluentui/web-components/button/define.js';
import '@fluentui/web-components/badge/define.js';
import '@fluentui/web-components/spinner/define.js';
import { setTheme } from '@fluentui/web-components';
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/tokens';
import type { HostInfo } from './teamsHost';

const THEMES = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme } as const;

/** Follows Teams' theme: the tokens for the components, data-theme for the page's own colours. */
export function applyTeamsTheme(theme: HostInfo['theme']): void {
  setTheme(THEMES[theme]);
  document.body.dataset.theme = theme;
}
