import { Tag } from 'antd';
import { classTone, type ClassTone } from '../../../shared/segmentation';

/** antd preset colours per tone: the one place a tone becomes a colour. Neutral is antd's default grey. */
export const TONE_COLORS: Record<ClassTone, string | undefined> = { good: 'green', warning: 'orange', bad: 'red', neutral: undefined };

export function toneColor(scheme: string, classKey: string): string | undefined {
  return TONE_COLORS[classTone(scheme, classKey)];
}

/** A class drawn as a tag coloured by what it means (shared/segmentation/class-tone.ts). */
export function ClassTag({ scheme, classKey, label }: { scheme: string; classKey: string; label: string }) {
  return (
    // In a narrow table column a long label ("No orders in the last 12 months") ends in … and shows whole on hover.
    // A class can be a name a user typed (an industry in Arabic or Hebrew): dir="auto" isolates it, as UserText does,
    // so its digits stay with it and it does not trade places with the Latin words beside the tag.
    <Tag
      dir="auto"
      color={toneColor(scheme, classKey)}
      data-tone={classTone(scheme, classKey)}
      data-scheme={scheme}
      data-class-key={classKey}
      title={label}
      style={{ maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', verticalAlign: 'middle' }}
    >
      {label}
    </Tag>
  );
}
