import { Popconfirm, type PopconfirmProps } from 'antd';
import { useRef } from 'react';

/**
 * A Popconfirm a keyboard can answer. antd draws its question at the end of the page, out of Tab's reach
 * from the action that opened it, and leaves the focus on that action: Enter asked, and nothing could
 * answer. Opened, the focus goes to Cancel (the safe answer; Tab reaches the other); closed from inside
 * (Esc, or an answer), it goes back to the action that asked.
 */
export function KeyboardPopconfirm({ onOpenChange, cancelButtonProps, ...props }: PopconfirmProps) {
  const opener = useRef<HTMLElement | null>(null);
  return (
    <Popconfirm
      {...props}
      // Built afresh at each opening, so Cancel's autoFocus takes the focus each time, not only the first.
      destroyOnHidden
      cancelButtonProps={{ ...cancelButtonProps, autoFocus: true }}
      onOpenChange={(open: boolean) => {
        if (open) opener.current = document.activeElement as HTMLElement | null;
        else if (opener.current?.isConnected && (document.activeElement === document.body || document.activeElement?.closest('.ant-popconfirm'))) opener.current.focus();
        onOpenChange?.(open);
      }}
    />
  );
}
