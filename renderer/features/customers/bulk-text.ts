/** The bulk action popover's box (a tag or an owner for the ticked customers): what it holds, and why the save refused it. */
export interface BulkTextBox {
  value: string;
  open: boolean;
  /** The save's refusal in the user's language, said under the box; null while nothing was refused. */
  refusal: string | null;
}

/**
 * Saves what was typed and says what the box holds after. The box used to empty itself and close before the save
 * answered, so a refused tag ("fair,spring" holds a separator) or a failed call lost what was typed; it is now emptied
 * only once the save succeeded, and a refusal keeps the text, open, with its reason.
 */
export async function applyBulkText(typed: string, save: (text: string) => Promise<unknown>, reasonOf: (error: unknown) => string): Promise<BulkTextBox> {
  try {
    await save(typed.trim());
    return { value: '', open: false, refusal: null };
  } catch (error) {
    return { value: typed, open: true, refusal: reasonOf(error) };
  }
}
