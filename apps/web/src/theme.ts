// MUI themes for light and dark mode, sharing one palette and shape.
import { createTheme, type PaletteMode } from '@mui/material/styles';

/**
 * Durations of 0 when the person asked the system for reduced motion (WCAG 2.3.3): dialogs,
 * drawers, menus and collapses appear at once, and buttons have no ripple.
 */
const NO_MOTION = {
  transitions: {
    duration: {
      shortest: 0,
      shorter: 0,
      short: 0,
      standard: 0,
      complex: 0,
      enteringScreen: 0,
      leavingScreen: 0,
    },
  },
} as const;

export function buildTheme(mode: PaletteMode, reducedMotion = false) {
  return createTheme({
    ...(reducedMotion ? NO_MOTION : {}),
    palette: {
      mode,
      // Text on a coloured fill (contained buttons, filled chips) picks black or white by WCAG AA
      // (4.5:1), not MUI's default 3:1: dark mode's error red (#f44336) got white text at 3.7:1.
      contrastThreshold: 4.5,
      primary: { main: mode === 'light' ? '#1565c0' : '#90caf9' },
      // Teal dark enough for white text in light mode (4.5:1), light enough for dark text in dark.
      secondary: { main: mode === 'light' ? '#00796b' : '#4db6ac' },
      // MUI's light warning (#ed6c02, 3.1:1) and info (#0288d1, 3.9:1) are too faint as text on
      // white, e.g. outlined chips; these reach 4.5:1. Dark mode keeps MUI's light tints.
      ...(mode === 'light' ? { warning: { main: '#b45309' }, info: { main: '#01579b' } } : {}),
      background:
        mode === 'light'
          ? { default: '#f5f7fb', paper: '#ffffff' }
          : { default: '#0f1318', paper: '#171c22' },
    },
    shape: { borderRadius: 10 },
    typography: {
      fontFamily:
        'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
      h5: { fontWeight: 600 },
    },
    components: {
      MuiAppBar: { defaultProps: { elevation: 0 } },
      MuiCard: { defaultProps: { variant: 'outlined' } },
      MuiButtonBase: { defaultProps: { disableRipple: reducedMotion } },
      MuiButton: {
        defaultProps: { disableElevation: true },
        styleOverrides: { root: { textTransform: 'none', fontWeight: 600 } },
      },
    },
  });
}
