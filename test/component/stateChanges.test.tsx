// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateLayerData, pointwiseConv } from '../../src/engine';
import { appStore } from '../../src/store';
import { parseUrlState, serializeUrlState } from '../../src/store/urlState';
import { applyUrlState, urlStateOf } from '../../src/store/urlSync';
import type { StepAction } from '../../src/store/stepping';
import { Explorer } from '../../src/views/Explorer/Explorer';
import { Walkthrough } from '../../src/views/Walkthrough/Walkthrough';
import { ErrorBoundary } from '../../src/app/ErrorBoundary';
import { stubCanvas } from './helpers';

beforeAll(stubCanvas);
afterEach(() => {
  cleanup();
  appStore.setState(appStore.getInitialState(), true);
});

/** What the worker sync does when it answers: data and output made for the current settings. */
function workerAnswers() {
  const { config } = appStore.getState();
  const data = { ...generateLayerData(config, config.seed), filterKind: 'random' as const };
  const output = pointwiseConv(data.input, { weights: data.weights, bias: config.useBias ? data.bias : undefined, relu: config.useRelu }).data;
  appStore.setState({ data, output, job: { status: 'done', progress: 1 } });
}

const small = fc.integer({ min: 1, max: 9 });
const STEPS: StepAction[] = ['channel+', 'channel-', 'pixel+', 'pixel-', 'filter+', 'filter-', 'row+', 'row-', 'first', 'last', 'scene+', 'scene-'];
const action = fc.oneof(
  fc.record({ kind: fc.constant('shape' as const), height: small, width: small, inChannels: small, outChannels: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('cursor' as const), row: fc.integer({ min: -3, max: 12 }), col: fc.integer({ min: -3, max: 12 }), filterIndex: fc.integer({ min: -3, max: 25 }) }),
  fc.record({ kind: fc.constant('scene' as const), scene: fc.constantFrom(1, 2, 3, 4) }),
  fc.record({ kind: fc.constant('step' as const), step: fc.constantFrom(...STEPS) }),
  fc.record({ kind: fc.constant('channel' as const), channel: fc.integer({ min: -2, max: 12 }) }),
  fc.record({ kind: fc.constant('view' as const), view: fc.constantFrom('walkthrough', 'explorer') }),
  fc.record({ kind: fc.constant('answer' as const) }),
  fc.record({ kind: fc.constant('hash' as const), h: small, w: small, cin: small, cout: fc.integer({ min: 1, max: 20 }), k: fc.integer({ min: 0, max: 25 }), r: fc.integer({ min: 0, max: 12 }), ch: fc.integer({ min: 0, max: 12 }), scene: fc.constantFrom(1, 2, 3, 4) }),
);
type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

function apply(a: Action): string | null {
  const s = appStore.getState();
  switch (a.kind) {
    case 'shape': s.setConfig({ height: a.height, width: a.width, inChannels: a.inChannels, outChannels: a.outChannels }); return null;
    case 'cursor': s.setCursor({ row: a.row, col: a.col, filterIndex: a.filterIndex }); return null;
    case 'scene': s.setScene(a.scene as 1 | 2 | 3 | 4); return null;
    case 'step': s.applyStep(a.step); return null;
    case 'channel': s.setChannel(a.channel); return null;
    case 'view': s.setView(a.view); return null;
    case 'answer': workerAnswers(); return null;
    case 'hash': {
      // A link or the Back button: the URL sync parses the hash and puts it in the store.
      const hash = `v=1&view=walkthrough&h=${a.h}&w=${a.w}&cin=${a.cin}&cout=${a.cout}&k=${a.k}&r=${a.r}&ch=${a.ch}&scene=${a.scene}&img=noise`;
      applyUrlState(appStore, parseUrlState(hash).state);
      return hash;
    }
  }
}

function View() {
  const view = appStore.getState().view;
  return view === 'explorer' ? <Explorer /> : <Walkthrough />;
}

describe('state changes under every path (issue #18)', () => {
  it('random sequences of shape changes, links, steps, scenes and worker answers never break a view, and end in the last input’s state', () => {
    fc.assert(fc.property(fc.array(action, { minLength: 1, maxLength: 25 }), (actions) => {
      appStore.setState(appStore.getInitialState(), true);
      appStore.setState({ config: { ...appStore.getState().config, height: 4, width: 4, inChannels: 3, outChannels: 2, image: 'noise' } });
      workerAnswers();
      const failures: string[] = [];
      const { rerender, unmount } = render(<ErrorBoundary message={(m) => { failures.push(m); return m; }}><View /></ErrorBoundary>);
      let lastHash: string | null = null;
      for (const a of actions) {
        act(() => { lastHash = apply(a) ?? (a.kind === 'answer' ? lastHash : null); });
        rerender(<ErrorBoundary message={(m) => { failures.push(m); return m; }}><View /></ErrorBoundary>);
        expect(failures, JSON.stringify(a)).toEqual([]);
        const { config, cursor, channel } = appStore.getState();
        expect(cursor.row).toBeLessThan(config.height);
        expect(cursor.col).toBeLessThan(config.width);
        expect(cursor.filterIndex).toBeLessThan(config.outChannels);
        expect(channel).toBeLessThan(config.inChannels);
      }
      if (lastHash !== null) {
        // The store holds what the last link said (the view is the walkthrough it named).
        expect(serializeUrlState(urlStateOf(appStore.getState()))).toBe(serializeUrlState(parseUrlState(lastHash).state));
      }
      unmount();
    }), { numRuns: 60, seed: 18 });
  }, 60_000);

  it('the reported case: a link to cout=16, k=9 while cout=8 data is shown keeps the view alive', () => {
    appStore.setState({ config: { ...appStore.getState().config, height: 8, width: 8, inChannels: 8, outChannels: 8, image: 'noise' } });
    workerAnswers();
    const failures: string[] = [];
    render(<ErrorBoundary message={(m) => { failures.push(m); return m; }}><Walkthrough /></ErrorBoundary>);
    act(() => applyUrlState(appStore, parseUrlState('v=1&h=8&w=8&cin=8&cout=16&k=9&img=noise').state));
    expect(failures).toEqual([]);
    expect(appStore.getState().cursor.filterIndex).toBe(9);
    act(() => workerAnswers());
    // The link names no scene: the whole layer shows filter 9.
    expect(document.querySelector('.scene-whole [aria-label^="Filter 9,"]')).not.toBeNull();
  });
});
