/** The desktop shell's own dialogs, shown by the main process (it reads them from here too). */
export const shell = {
  'zh-CN': {
    openLink: {
      title: '打开外部链接',
      message: '在浏览器中打开 {{host}}？',
      detail: '这个链接会离开 TierBook：\n{{url}}\n\n只在你信任这个网站时打开。',
      open: '打开',
      cancel: '取消',
    },
  },
  en: {
    openLink: {
      title: 'Open an outside link',
      message: 'Open {{host}} in your browser?',
      detail: 'This link leaves TierBook:\n{{url}}\n\nOpen it only if you trust this site.',
      open: 'Open',
      cancel: 'Cancel',
    },
  },
};
