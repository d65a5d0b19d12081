import { createTheme, darken, DEFAULT_THEME, luminance, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/** WCAG AA for normal-size text; every colour below is chosen to reach it, so large text passes too. */
const AA = 4.5;

const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/** `color`, darkened just enough to read at AA on every one of `backgrounds`. */
export function readable(color: string, ...backgrounds: string[]): string {
  let c = color;
  for (let step = 1; step <= 20 && backgrounds.some((bg) => contrast(c, bg) < AA); step++) c = darken(color, step * 0.04);
  return c;
}

const WHITE = '#ffffff';
const { gray, indigo } = DEFAULT_THEME.colors;
// The lightest surfaces text sits on: the page, striped and hovered rows, grey panels, the active
// navigation item (light indigo).
const SURFACES = [WHITE, gray[0], gray[1], indigo[1]];

/**
 * Mantine's light-scheme colours computed for contrast instead of taken as they are: the filled
 * shade under white text, the text of light badges and alerts on their tinted backgrounds, outline
 * and subtle text, red error messages, dimmed secondary text and placeholders. Done here, once, for
 * every colour of the palette, so a screen added later inherits it.
 */
const accessibleColors: CSSVariablesResolver = (theme) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': readable(gray[6], ...SURFACES),
    '--mantine-color-placeholder': readable(gray[6], WHITE, gray[0]),
    '--mantine-color-error': readable(theme.colors.red[7], ...SURFACES),
    '--mantine-color-anchor': readable(theme.colors[theme.primaryColor]![7], ...SURFACES),
  };
  for (const [name, shades] of Object.entries(theme.colors) as [string, MantineColorsTuple][]) {
    const filled = readable(shades[7], WHITE);
    const onTint = readable(shades[9], shades[1], shades[2], WHITE, gray[0]);
    const outline = readable(shades[7], ...SURFACES);
    Object.assign(light, {
      [`--mantine-color-${name}-filled`]: filled,
      [`--mantine-color-${name}-filled-hover`]: darken(filled, 0.1),
      [`--mantine-color-${name}-light-color`]: onTint,
      [`--mantine-color-${name}-outline`]: outline,
      [`--mantine-color-${name}-text`]: outline,
    });
  }
  return { variables: {}, light, dark: {} };
};

export const cssVariablesResolver = accessibleColors;

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 7,
  defaultRadius: 'md',
  // Those who ask their system for less motion get none: modals and menus appear at once.
  respectReducedMotion: true,
  components: {
    // Every close × says what it closes; a screen reader would otherwise announce just "button".
    // A dialog's title bar is a <header>, which would read as a second page banner: it is not one.
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' }, attributes: { header: { role: 'presentation' } } } },
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Close notification' } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close panel' } } },
    // A menu holds only its items: Mantine's focus placeholder (a focusable "presentation" div) breaks
    // the menu role's required children; without it, opening a menu focuses its first item.
    Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
  },
});
