/**
 * Lecture mode's reveal: the R key and the step bar's button show the answer of the first open
 * question on the page. A tiny module of its own, so the step bar need not load the quiz.
 */
const requests = new EventTarget();

export function requestReveal(): void {
  requests.dispatchEvent(new Event('reveal'));
}

export function onRevealRequest(listener: () => void): () => void {
  requests.addEventListener('reveal', listener);
  return () => requests.removeEventListener('reveal', listener);
}
