/** Small helpers for the question tests: the right option's text, and every wrong response. */
import type { Question, Text } from '../../../src/quiz/types';

export function rightLabel(q: Question): Text {
  if (q.answer.kind !== 'choice') throw new Error(`${q.id} is not a choice`);
  const a = q.answer;
  const o = a.options.find((x) => x.id === a.correct);
  if (!o) throw new Error(`${q.id}: no option is right`);
  return o.label;
}

export function wrongResponses(q: Question): string[] {
  if (q.answer.kind === 'choice') {
    const a = q.answer;
    return a.options.filter((o) => o.id !== a.correct).map((o) => o.id);
  }
  return [];
}

export function byId(qs: readonly Question[], id: string): Question {
  const q = qs.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id} among ${qs.map((x) => x.id).join(', ')}`);
  return q;
}
