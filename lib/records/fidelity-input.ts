import { z } from 'zod';
import {
  fidelityElementOrder,
  fidelityFormScores,
  noteField,
  scoreField,
  scoreFromForm,
  type FidelityScore,
} from './fidelity';

const id = z.guid();
const score = z.enum(fidelityFormScores, { error: "Choose a score or 'not applicable'" });
const note = z.string().trim().max(1_000, 'Please keep the note under 1,000 characters').default('');

/**
 * The fidelity self-rating form: for each of the 12 elements a score (`score.<element>`, one of
 * '0'–'3' or 'na') and an optional note (`note.<element>`); each problem is named beside its field.
 */
export const fidelityInput = z.looseObject({ personId: id, meetingId: id }).transform((form, ctx) => {
  const ratings = fidelityElementOrder.map((element) => {
    const parsedScore = score.safeParse(form[scoreField(element)]);
    const parsedNote = note.safeParse(form[noteField(element)]);
    for (const [field, parsed] of [
      [scoreField(element), parsedScore],
      [noteField(element), parsedNote],
    ] as const)
      if (!parsed.success) ctx.addIssue({ code: 'custom', path: [field], message: parsed.error.issues[0]!.message });
    return {
      element,
      score: parsedScore.success ? scoreFromForm(parsedScore.data) : (null as FidelityScore | null),
      note: (parsedNote.success && parsedNote.data) || null,
    };
  });
  return { personId: form.personId, meetingId: form.meetingId, ratings };
});
