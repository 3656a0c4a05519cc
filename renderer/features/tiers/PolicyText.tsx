import { Input } from 'antd';

/**
 * A service policy's free text (notes, the next action). A one-line box clipped a long note with no way
 * to read the rest: this one grows with the text, and its tooltip holds the whole of it.
 */
export function PolicyText({ value, maxLength, onChange, testId }: { value: string; maxLength: number; onChange(value: string): void; testId: string }) {
  return (
    <Input.TextArea
      value={value}
      maxLength={maxLength}
      autoSize={{ minRows: 1 }}
      title={value || undefined}
      onChange={(e) => onChange(e.target.value)}
      data-testid={testId}
    />
  );
}
