import { describe, expect, it } from 'vitest';
import { moveInOrder } from './agenda-order';

describe('moving agenda items', () => {
  it('swaps with the neighbour and leaves the ends alone', () => {
    expect(moveInOrder(['a', 'b', 'c'], 'b', 'up')).toEqual(['b', 'a', 'c']);
    expect(moveInOrder(['a', 'b', 'c'], 'b', 'down')).toEqual(['a', 'c', 'b']);
    expect(moveInOrder(['a', 'b', 'c'], 'a', 'up')).toEqual(['a', 'b', 'c']);
    expect(moveInOrder(['a', 'b', 'c'], 'c', 'down')).toEqual(['a', 'b', 'c']);
    expect(moveInOrder(['a'], 'x', 'down')).toEqual(['a']);
  });
});
