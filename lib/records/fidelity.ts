import type { FidelityElement } from '@/db/schema/records';

/**
 * The 12 key elements of dialogic practice in our own plain words, in the order the form asks
 * them (the schema's order). A short prompt, not the published fidelity wording.
 */
export const fidelityElementLabel: Record<FidelityElement, string> = {
  two_or_more_practitioners: 'Two or more practitioners in the meeting',
  network_participation: 'The family and network taking part',
  open_questions: 'Questions left open, not leading',
  responding_to_what_is_said: 'Answering what people actually said',
  present_moment: 'Staying with what is happening in the room now',
  many_viewpoints: 'Making room for every point of view',
  relational_focus: 'Attention to relationships between people',
  matter_of_fact: 'Talking about problems and behaviour plainly, without labels',
  own_words_and_stories: 'People’s own words and stories come first',
  reflections: 'Practitioners reflecting aloud in front of the network',
  transparency: 'Plans and decisions made openly, with everyone there',
  tolerating_uncertainty: 'Staying with not knowing, without rushing to answers',
};

/** The elements in the form's order. */
export const fidelityElementOrder = Object.keys(fidelityElementLabel) as FidelityElement[];

export type FidelityScore = 0 | 1 | 2 | 3;

export const fidelityScoreLabel: Record<FidelityScore, string> = {
  0: 'Not present',
  1: 'A little',
  2: 'Mostly',
  3: 'Fully',
};

/** How a score travels in the form: a digit, or 'na' for "not applicable" (a null score). */
export type FidelityFormScore = '0' | '1' | '2' | '3' | 'na';
export const fidelityFormScores = ['0', '1', '2', '3', 'na'] as const satisfies readonly FidelityFormScore[];

/** The form's field names for one element. */
export const scoreField = (element: FidelityElement) => `score.${element}`;
export const noteField = (element: FidelityElement) => `note.${element}`;

/** The radio buttons of one element, in order. */
export const fidelityScoreOptions: readonly { value: FidelityFormScore; label: string }[] = [
  ...([0, 1, 2, 3] as const).map((n) => ({
    value: String(n) as FidelityFormScore,
    label: `${n} · ${fidelityScoreLabel[n]}`,
  })),
  { value: 'na', label: 'Not applicable' },
];

export function scoreFromForm(value: FidelityFormScore): FidelityScore | null {
  return value === 'na' ? null : (Number(value) as FidelityScore);
}

export function scoreToForm(score: number | null): FidelityFormScore {
  return score === null ? 'na' : (String(score) as FidelityFormScore);
}

/**
 * Scores the meeting's facts already tell: how many practitioners and network members came,
 * and whether the record says reflections were held. Only a suggestion for the rater to change;
 * an element the facts do not settle is left out.
 */
export function prefill(facts: {
  practitionersWhoCame: number;
  networkMembersWhoCame: number;
  /** From the latest record; null or undefined when unknown (no record, or not said). */
  reflectionsHeld: boolean | null | undefined;
}): Partial<Record<FidelityElement, FidelityScore>> {
  const suggested: Partial<Record<FidelityElement, FidelityScore>> = {
    two_or_more_practitioners: facts.practitionersWhoCame >= 2 ? 3 : 0,
    network_participation: facts.networkMembersWhoCame > 0 ? 3 : 0,
  };
  if (facts.reflectionsHeld === true) suggested.reflections = 3;
  if (facts.reflectionsHeld === false) suggested.reflections = 0;
  return suggested;
}
