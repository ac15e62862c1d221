import { describe, expect, it } from 'vitest';
import { clip, erode, intersect, normalise, subtract, union, type Interval } from './intervals';

const iv = (...pairs: [number, number][]): Interval[] => pairs.map(([start, end]) => ({ start, end }));

describe('interval algebra', () => {
  it('normalises: sorted, merged when touching or overlapping, empties dropped', () => {
    expect(normalise(iv([5, 7], [1, 3], [3, 4], [6, 9], [10, 10]))).toEqual(iv([1, 4], [5, 9]));
  });

  it('unions two lists', () => {
    expect(union(iv([1, 3], [8, 10]), iv([2, 5], [6, 7], [10, 12]))).toEqual(iv([1, 5], [6, 7], [8, 12]));
    expect(union([], iv([1, 2]))).toEqual(iv([1, 2]));
  });

  it('intersects two lists', () => {
    expect(intersect(iv([1, 5], [7, 12]), iv([0, 2], [4, 8], [11, 20]))).toEqual(iv([1, 2], [4, 5], [7, 8], [11, 12]));
    expect(intersect(iv([1, 2]), iv([2, 3]))).toEqual([]);
  });

  it('subtracts: half-open, so back-to-back leaves no gap and takes nothing extra', () => {
    expect(subtract(iv([0, 10]), iv([2, 3], [5, 7]))).toEqual(iv([0, 2], [3, 5], [7, 10]));
    expect(subtract(iv([0, 10], [20, 30]), iv([8, 22]))).toEqual(iv([0, 8], [22, 30]));
    expect(subtract(iv([0, 10]), iv([0, 10]))).toEqual([]);
    expect(subtract(iv([0, 10]), iv([10, 12]))).toEqual(iv([0, 10]));
    expect(subtract(iv([0, 4], [6, 10]), iv([-5, 1], [3, 7], [9, 15]))).toEqual(iv([1, 3], [7, 9]));
  });

  it('erodes for travel, dropping what becomes too short', () => {
    expect(erode(iv([0, 100], [200, 230]), 20)).toEqual(iv([20, 80]));
    expect(erode(iv([0, 100]), 10, 30)).toEqual(iv([10, 70]));
  });

  it('clips to a window', () => {
    expect(clip(iv([0, 10], [20, 30]), { start: 5, end: 25 })).toEqual(iv([5, 10], [20, 25]));
  });
});
