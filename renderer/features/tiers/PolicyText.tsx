import { Input } from 'antd';

/**
 * A service policy's free text (notes, the next action, the person responsible). A one-line box clipped a long
 * note, or a name of the responsible, with no way to read the rest: this one grows with the text, and its tooltip
 * holds the whole of it. `oneLine` is for a name: it wraps to be read, but Enter adds no line and a pasted line
 * break becomes a space.
 */
export function PolicyText({ value, maxLength, onChange, testId, oneLine }: { value: string; maxLength: number; onChange(value: string): void; testId: string; oneLine?: boolean }) {
  return (
    <Input.TextArea
      value={value}
      maxLength={maxLength}
      autoSize={{ minRows: 1 }}
      title={value || undefined}
      onChange={(e) => onChange(oneLine ? e.target.value.replace(/[\r\n]+/g, ' ') : e.target.value)}
      // Not while an input method is composing: its Enter picks the characters.
      onPressEnter={oneLine ? (e) => !e.nativeEvent.isComposing && e.preventDefault() : undefined}
      data-testid={testId}
    />
  );
}
