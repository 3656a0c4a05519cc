import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { tooLongText } from '../../components/length-limit';

/**
 * A service policy's free text (notes, the next action, the person responsible). A one-line box clipped a long
 * note, or a name of the responsible, with no way to read the rest: this one grows with the text, and its tooltip
 * holds the whole of it. `oneLine` is for a name: it wraps to be read, but Enter adds no line and a pasted line
 * break becomes a space. A text longer than `max` is kept whole and said under the box, as a form's field says it
 * (the browser's maxlength cut a pasted note and saved the rest without a word); the drawer refuses to save it.
 */
export function PolicyText({ value, max, onChange, testId, oneLine }: { value: string; max: number; onChange(value: string): void; testId: string; oneLine?: boolean }) {
  const { t, i18n } = useTranslation();
  const tooLong = tooLongText(t, i18n.language, value, max);
  return (
    // No form around the drawer's table: the item only lends the box its error look and the message its place.
    <Form.Item validateStatus={tooLong ? 'error' : undefined} help={tooLong ?? undefined} style={{ marginBottom: 0 }}>
      <Input.TextArea
        value={value}
        autoSize={{ minRows: 1 }}
        title={value || undefined}
        onChange={(e) => onChange(oneLine ? e.target.value.replace(/[\r\n]+/g, ' ') : e.target.value)}
        // Not while an input method is composing: its Enter picks the characters.
        onPressEnter={oneLine ? (e) => !e.nativeEvent.isComposing && e.preventDefault() : undefined}
        data-testid={testId}
      />
    </Form.Item>
  );
}
