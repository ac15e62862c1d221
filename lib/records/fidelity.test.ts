import { describe, expect, it } from 'vitest';
import { fidelityElements } from '@/db/schema/records';
import {
  fidelityElementLabel,
  fidelityElementOrder,
  fidelityScoreOptions,
  prefill,
  scoreFromForm,
  scoreToForm,
} from './fidelity';

describe('fidelity self-rating helpers', () => {
  it('labels every one of the 12 elements, in the schema’s order', () => {
    expect(fidelityElementOrder).toEqual([...fidelityElements]);
    for (const element of fidelityElements) expect(fidelityElementLabel[element]).toMatch(/\w/);
  });

  it('offers 0 to 3 and not applicable, and turns them into scores and back', () => {
    expect(fidelityScoreOptions.map((o) => o.value)).toEqual(['0', '1', '2', '3', 'na']);
    expect(fidelityScoreOptions[0]!.label).toBe('0 · Not present');
    expect(fidelityScoreOptions[3]!.label).toBe('3 · Fully');
    expect(scoreFromForm('na')).toBeNull();
    expect(scoreFromForm('2')).toBe(2);
    expect(scoreToForm(null)).toBe('na');
    expect(scoreToForm(0)).toBe('0');
  });

  it('suggests full marks when two practitioners and a network member came and reflections were held', () => {
    expect(prefill({ practitionersWhoCame: 2, networkMembersWhoCame: 1, reflectionsHeld: true })).toEqual({
      two_or_more_practitioners: 3,
      network_participation: 3,
      reflections: 3,
    });
  });

  it('suggests 0 for one practitioner alone, no network, and no reflections', () => {
    expect(prefill({ practitionersWhoCame: 1, networkMembersWhoCame: 0, reflectionsHeld: false })).toEqual({
      two_or_more_practitioners: 0,
      network_participation: 0,
      reflections: 0,
    });
  });

  it('suggests nothing for reflections when the record does not say, or there is none', () => {
    expect(prefill({ practitionersWhoCame: 3, networkMembersWhoCame: 4, reflectionsHeld: null })).toEqual({
      two_or_more_practitioners: 3,
      network_participation: 3,
    });
    expect(
      'reflections' in prefill({ practitionersWhoCame: 0, networkMembersWhoCame: 0, reflectionsHeld: undefined }),
    ).toBe(false);
  });
});
