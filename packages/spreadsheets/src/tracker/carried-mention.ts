import { z } from 'zod';

/**
 * Development plans keep the inspection's recommendations by naming them in the action ("Secure a
 * more stable workforce ... (Ofsted 14)"): the source documents say the plan "retains the Ofsted
 * inspection report recommendations ... identified in the plan as Ofsted 1, Ofsted 2 etc.".
 */
export const CarriedMention = z.object({
  /** The reference as the earlier plan spells it: "Ofsted 14". */
  reference: z.string().min(1),
  /** The cell that names it, for messages: the column's header text and letter. */
  column: z.string(),
  letter: z.string().optional(),
});
export type CarriedMention = z.infer<typeof CarriedMention>;

const mention = /\bOfsted\s+(\d+)\b/i;

/**
 * The first "Ofsted N" named in the given cells, in order, unless it is the line's own reference
 * (a tracker's "Ofsted 3" is the recommendation itself, not something it carries).
 */
export function carriedMention(ownRef: string, cells: readonly { text: string; column: string; letter?: string | undefined }[]): CarriedMention | null {
  for (const cell of cells) {
    const found = mention.exec(cell.text);
    if (!found) continue;
    const reference = `Ofsted ${Number(found[1])}`;
    if (reference.toLowerCase() === ownRef.trim().toLowerCase()) continue;
    return { reference, column: cell.column, ...(cell.letter ? { letter: cell.letter } : {}) };
  }
  return null;
}
