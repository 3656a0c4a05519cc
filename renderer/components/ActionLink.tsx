import { Button, type ButtonProps } from 'antd';
import { forwardRef } from 'react';

/**
 * An action that reads as a link inside a table row, a message or a card. An `<a>` without `href` is
 * skipped by Tab and deaf to Enter, so a keyboard user could never reach "Return" or "Pay"; a button is
 * both, and Popconfirm can still wrap it (the ref is forwarded).
 */
export const ActionLink = forwardRef<HTMLButtonElement, ButtonProps>(function ActionLink({ style, ...props }, ref) {
  return <Button ref={ref} type="link" size="small" style={{ padding: 0, height: 'auto', ...style }} {...props} />;
});
