import { App } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { addNavigationGuard } from '../app/router';

/**
 * While `dirty`, leaving the screen asks first: in-app navigation (links, Back, navigate()) shows a
 * confirmation, and closing or reloading the window triggers the browser's own "leave page?" check
 * (in Electron the main process turns that into a native dialog). Call it once per form with unsaved edits.
 */
export function useUnsavedChangesPrompt(dirty: boolean): void {
  const { t } = useTranslation('comfort');
  const { modal } = App.useApp();
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  useEffect(() => {
    let asking = false;
    const release = addNavigationGuard({
      isDirty: () => dirtyRef.current,
      confirm: (leave) => {
        if (asking) return;
        asking = true;
        modal.confirm({
          title: t('unsaved.title'),
          content: t('unsaved.content'),
          okText: t('unsaved.leave'),
          okButtonProps: { danger: true, 'data-testid': 'unsaved-leave' } as never,
          cancelText: t('unsaved.stay'),
          cancelButtonProps: { 'data-testid': 'unsaved-stay' } as never,
          onOk: () => {
            asking = false;
            dirtyRef.current = false;
            leave();
          },
          onCancel: () => {
            asking = false;
          },
        });
      },
    });
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!dirtyRef.current) return;
      event.preventDefault();
      event.returnValue = ''; // older Chromium (and Electron) need this as well
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      release();
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [modal, t]);
}
