import {
  type CSSVariablesResolver,
  createTheme,
  darken,
  defaultVariantColorsResolver,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';

// Light variants (badges, alerts) put shade-9 text on a tinted background, which is below
// WCAG AA (4.5:1) for green, orange and yellow: darken the text of every light variant.
const variantColorResolver: VariantColorsResolver = (input) => {
  const result = defaultVariantColorsResolver(input);
  if (input.variant !== 'light') return result;
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || !parsed.color || !input.theme.colors[parsed.color]) return result;
  const text = darken(input.theme.colors[parsed.color][9], 0.35);
  return { ...result, color: text, hoverColor: text };
};

// Shades picked for WCAG AA contrast on white (≥ 4.5:1): blue 8 for filled buttons and links,
// red 9 for errors, gray 7 for secondary text.
export const theme = createTheme({
  // Users who ask their system for less motion get dialogs and menus without transitions.
  respectReducedMotion: true,
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 6 },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", "DejaVu Sans", Arial, sans-serif',
  defaultRadius: 'sm',
  variantColorResolver,
  components: {
    Badge: { defaultProps: { variant: 'light' } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  },
  dark: {},
});
