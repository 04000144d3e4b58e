import { useEffect, useId, useRef, useState } from 'react';
import { judge } from '../../quiz/judge';
import type { AnswerRecord } from '../../quiz/answers';
import type { Question } from '../../quiz/types';
import { formatInt } from '../../lib/format';
import { usePredictT } from './usePredictT';
import { onRevealRequest } from './reveal';

const LETTERS = 'ABCDEFGH';

/** The right answer in words: the option's letter and label, or the computed number. */
function useAnswerText(q: Question): string {
  const { read } = usePredictT();
  const a = q.answer;
  if (a.kind === 'choice') {
    const i = a.options.findIndex((o) => o.id === a.correct);
    return `${LETTERS[i] ?? ''}. ${a.options[i] ? read(a.options[i].label) : ''}`;
  }
  const n = Number.isInteger(a.value) ? formatInt(a.value) : a.value.toFixed(1);
  return a.unit === '%' ? `${n} %` : n;
}

/**
 * One question: a fieldset whose legend is the question, native radios or a number field,
 * Check and "Just show me", and the verdict in a live region. In lecture mode the options are
 * lettered large and R (or the Reveal button) shows the answer of the first open question.
 */
export function QuestionCard({ q, record, isPresent, onAnswer }: {
  /** The question, made from the state on screen. */
  q: Question;
  /** The student's answer to this question (same signature), if any. */
  record: AnswerRecord | undefined;
  /** Lecture mode: the room votes by hand; the lecturer reveals. */
  isPresent: boolean;
  onAnswer: (record: AnswerRecord) => void;
}) {
  const { t, read } = usePredictT();
  const id = useId();
  const [choice, setChoice] = useState('');
  const [typed, setTyped] = useState('');
  const [invalid, setInvalid] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const verdictRef = useRef<HTMLParagraphElement>(null);
  const answer = useAnswerText(q);
  const done = record !== undefined;
  const show = () => onAnswer({ signature: q.signature, response: null, status: 'shown' });
  const submit = () => {
    const response = q.answer.kind === 'choice' ? choice : typed;
    const v = judge(q, response);
    if (v.status === 'invalid') { setInvalid(true); return; }
    setInvalid(false);
    onAnswer({ signature: q.signature, response, status: v.status });
  };
  // Lecture mode: R reveals the first open question on the page (this one, when it is first).
  const showRef = useRef(show);
  useEffect(() => { showRef.current = show; });
  useEffect(() => {
    if (!isPresent || done) return;
    const isFirstOpen = () => document.querySelector('.predict-q[data-state="open"]') === formRef.current;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'r' && e.key !== 'R') return;
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      if (e.target instanceof Element && e.target.closest('input[type="text"], textarea, select, [contenteditable="true"]')) return;
      if (!isFirstOpen()) return;
      e.preventDefault();
      showRef.current();
    };
    document.addEventListener('keydown', onKey);
    const stop = onRevealRequest(() => { if (isFirstOpen()) showRef.current(); });
    return () => { document.removeEventListener('keydown', onKey); stop(); };
  }, [isPresent, done]);
  // Check and "Just show me" vanish once answered: the verdict takes the focus they leave, so the
  // keyboard goes on where the reading does.
  const wasDone = useRef(done);
  useEffect(() => {
    if (done && !wasDone.current) {
      if (document.activeElement === document.body || document.activeElement === null) verdictRef.current?.focus();
      // Lecture mode: the verdict is what the room looks at, so it comes into view in its band
      // even when the focus stays on the step bar's Reveal button.
      else if (isPresent) verdictRef.current?.scrollIntoView({ block: 'nearest' });
    }
    wasDone.current = done;
  }, [done, isPresent]);

  const chosen = record?.response ?? (q.answer.kind === 'choice' ? choice : null);
  const verdict = !record ? '' : record.status === 'shown'
    ? `${t('ui.shown')}: ${answer}. ${read(q.explanation)}`
    : `${t('ui.verdict', { status: t(record.status === 'right' ? 'ui.right' : 'ui.wrong'), tolerance: t(`ui.tol.${q.tolerance}`), answer })} ${read(q.explanation)}${record.status === 'wrong' && q.answer.kind === 'number' ? ` ${t('ui.yours', { given: record.response ?? '' })}` : ''}`;
  return (
    <form ref={formRef} className="predict-q" data-state={record?.status ?? 'open'} data-question={q.id} noValidate
      onSubmit={(e) => { e.preventDefault(); if (!done) submit(); }}>
      <fieldset>
        <legend>{read(q.prompt)}</legend>
        {q.answer.kind === 'choice' ? (
          <ol className="predict-options">
            {q.answer.options.map((o, i) => {
              const isRight = done && o.id === (q.answer.kind === 'choice' ? q.answer.correct : '');
              const isChosen = o.id === chosen;
              return (
                <li key={o.id} className={`${isRight ? 'is-right' : ''}${isChosen ? ' is-chosen' : ''}`}>
                  <label>
                    <input type="radio" name={id} value={o.id} checked={isChosen} disabled={done} onChange={() => setChoice(o.id)} />
                    <span className="predict-letter" aria-hidden="true">{LETTERS[i]}</span>
                    <span>{read(o.label)}</span>
                    {isRight && <span className="predict-mark" aria-hidden="true"> ✓</span>}
                  </label>
                </li>
              );
            })}
          </ol>
        ) : (
          <p className="predict-number">
            <label htmlFor={`${id}-n`}>{t(q.answer.unit === '%' ? 'ui.percent' : 'ui.number')}</label>
            <input id={`${id}-n`} type="text" inputMode="decimal" autoComplete="off" value={done ? record.response ?? '' : typed} disabled={done}
              aria-invalid={invalid || undefined} aria-describedby={invalid ? `${id}-bad` : undefined}
              onChange={(e) => { setTyped(e.target.value); setInvalid(false); }} />
            {invalid && <span id={`${id}-bad`} className="problem">{t('ui.invalid')}</span>}
          </p>
        )}
        {!done && (
          <p className="predict-actions">
            {!isPresent && <button type="submit" className="primary" disabled={q.answer.kind === 'choice' && !choice}>{t('ui.check')}</button>}
            <button type="button" onClick={show}>{t(isPresent ? 'ui.reveal' : 'ui.showMe')}</button>
          </p>
        )}
      </fieldset>
      <p ref={verdictRef} className="predict-verdict" role="status" tabIndex={-1}>{verdict}</p>
    </form>
  );
}
