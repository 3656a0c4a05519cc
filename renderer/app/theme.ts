import type { ThemeConfig } from 'antd';

/**
 * The app's antd theme. antd's secondary text (descriptions, form help, empty states: 0.45 black, 3.4:1 on
 * white) and its placeholders (0.25 black) read below WCAG's 4.5:1 for small text; these shades keep them
 * lighter than body text but legible. Disabled text (colorTextDisabled) is exempt and left as antd draws it.
 */
export const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#1f6f5c',
    borderRadius: 6,
    // 0.62 black: 6.2:1 on white, 6.1:1 on antd's #fafafa headers.
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    // 0.56 black: 5.0:1 on white, 4.9:1 on #fafafa, still paler than a typed value.
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    // Links, info tags and danger buttons: antd's #1677ff (4.1:1) and #ff4d4f (3.3:1) as the next shade down.
    colorLink: '#0958d9',
    colorInfo: '#0958d9',
    colorError: '#cf1322',
  },
  components: {
    // Preset tag colours draw their text in shade 7 on shade 1 (orange 3.3:1, green 3.4:1): shade 8 instead, 5:1 or more.
    Tag: { orange7: '#ad4e00', green7: '#237804' },
    // The palette drawn from the app's green gives a selected menu item a grey-green ground (#a5b0ac, 2.7:1 under
    // the green label); the pale green of a selected row instead (5.3:1).
    Menu: { itemSelectedBg: '#e6f4ef' },
  },
};
