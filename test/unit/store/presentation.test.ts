import { describe, expect, it } from 'vitest';
import { embedUrls } from '../../../src/app/autoHeight';
import { parsePresentation } from '../../../src/store/presentation';

describe('parsePresentation(search): quiz', () => {
  it('has questions on by default, off with quiz=0, and names an unusable value', () => {
    expect(parsePresentation('').presentation.quiz).toBe(true);
    expect(parsePresentation('?quiz=0').presentation.quiz).toBe(false);
    expect(parsePresentation('?quiz=1').presentation.quiz).toBe(true);
    const bad = parsePresentation('?quiz=maybe');
    expect(bad.presentation.quiz).toBe(true);
    expect(bad.problems).toEqual([{ key: 'quiz', value: 'maybe' }]);
  });
});

describe('embedUrls(href, id, { quiz })', () => {
  it('writes quiz=0 for questions off and leaves the default (on) out of the address', () => {
    const href = 'https://example.org/p/?quiz=0#view=bottleneck';
    expect(new URL(embedUrls(href, 'f', { quiz: false }).embed).searchParams.get('quiz')).toBe('0');
    expect(new URL(embedUrls(href, 'f', { quiz: true }).embed).searchParams.has('quiz')).toBe(false);
  });
});
