import { App } from 'antd';
import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Closing a form that holds typed work — Esc, ×, Cancel or a click beside it — asks first, with the words
 * and buttons of the app's unsaved-changes prompt (use-unsaved-changes-prompt.ts, which guards leaving the
 * screen): Esc in a dialog used to drop a typed follow-up without a word. Returns `close(discard)`; with
 * nothing typed it discards at once.
 */
export function useConfirmDiscard(dirty: boolean): (discard: () => void) => void {
  const { t } = useTranslation('comfort');
  const { modal } = App.useApp();
  // A second Esc or click while the question is up must not stack a second question on it.
  const asking = useRef(false);
  return useCallback(
    (discard: () => void) => {
      if (!dirty) return discard();
      if (asking.current) return;
      asking.current = true;
      modal.confirm({
        title: t('unsaved.title'),
        content: t('unsaved.closeContent'),
        okText: t('unsaved.discard'),
        okButtonProps: { danger: true, 'data-testid': 'unsaved-leave' } as never,
        cancelText: t('unsaved.stay'),
        cancelButtonProps: { 'data-testid': 'unsaved-stay' } as never,
        // The safe answer has the focus: Enter right after a habitual Esc keeps the text.
        autoFocusButton: 'cancel',
        onOk: () => {
          asking.current = false;
          discard();
        },
        onCancel: () => {
          asking.current = false;
        },
      });
    },
    [dirty, modal, t],
  );
}
