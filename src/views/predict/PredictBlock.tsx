import { questionsFor } from '../../quiz/pages';
import type { AnswerRecord } from '../../quiz/answers';
import type { Question } from '../../quiz/types';
import { useAppStore } from '../../store/useAppStore';
import { answerBook, useAnswerBook } from './answerBook';
import type { PredictProps } from './Predict';
import { QuestionCard } from './QuestionCard';
import { StepBarReveal } from './StepBarReveal';
import { usePredictT } from './usePredictT';
import './predict.css';

/** The questions before the reveal, the reveal (held until each prediction is answered or shown), the checks after. */
export default function PredictBlock(props: PredictProps) {
  const { t } = usePredictT();
  const book = useAnswerBook();
  const isPresent = useAppStore((s) => s.presentation.present);
  const { page } = props;
  const questions = questionsFor(props);
  const records = book.pages[page] ?? {};
  // A record made for another state (another layer, pixel, photo) answers another question.
  const recordOf = (q: Question) => (records[q.id]?.signature === q.signature ? records[q.id] : undefined);
  const predictions = questions.filter((q) => q.phase === 'predict');
  const checks = questions.filter((q) => q.phase === 'check');
  const isHeld = book.mode === 'ask' && predictions.some((q) => !recordOf(q));
  const answered = questions.filter((q) => { const r = recordOf(q); return r && r.status !== 'shown'; }).length;
  const right = questions.filter((q) => recordOf(q)?.status === 'right').length;
  const card = (q: Question) => (
    <QuestionCard key={`${q.id}|${q.signature}`} q={q} record={recordOf(q)} isPresent={isPresent}
      onAnswer={(r: AnswerRecord) => answerBook.record(page, q.id, r)} />
  );
  if (questions.length === 0) return <>{props.children}</>;
  const after = checks.length > 0 && !isHeld && <><p className="predict-title">{t('ui.checkHeading')}</p>{checks.map(card)}</>;
  return (
    <>
      <section className="predict" aria-label={t('ui.region')} data-page={page} data-held={isHeld || undefined}>
        {predictions.length > 0 && <p className="predict-title">{t('ui.heading')}</p>}
        {isPresent && isHeld && <p className="predict-hint">{t('ui.presentHint')}</p>}
        {predictions.map(card)}
        {/* Lecture mode: the checks share the verdicts' band at the slide's foot (two bands would lie on top of each other). */}
        {isPresent && after}
        <StepBarReveal active={isPresent && questions.some((q) => !recordOf(q))} />
        <p className="predict-score">
          <span data-testid="predict-score">{t('ui.score', { n: answered, total: questions.length, right })}</span>
          <button type="button" className="link" onClick={() => answerBook.resetPage(page)}>{t('ui.reset')}</button>
          <label className="check">
            <input type="checkbox" checked={book.mode === 'ask'} onChange={(e) => answerBook.setMode(e.target.checked ? 'ask' : 'show')} />
            {t('ui.ask')}
          </label>
        </p>
      </section>
      {isHeld ? props.children !== undefined && <p className="predict-held">{t('ui.held')}</p> : props.children}
      {after && !isPresent && (
        <section className="predict predict-after" aria-label={t('ui.checkHeading')} data-page={page}>{after}</section>
      )}
    </>
  );
}
