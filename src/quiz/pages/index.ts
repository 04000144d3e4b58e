/**
 * Every page's question builder, by page name: `<Predict page="scene2" state={…} />` gives the
 * state its page's builder wants, and the type says which.
 */
import { explorer, scene5, type ExplorerState, type Scene5State } from './combine';
import { basics, family, params, type BasicsState, type FamilyState } from './other';
import { scene0, scene1, scene2, scene3, scene4, type MapState, type Scene0State, type Scene1State, type Scene2State } from './walkthrough';
import { bottleneck, dense, nonlinearity, reduction, whatWhere, type BottleneckState, type DenseState, type NonlinearityState, type ReductionState, type WhatWhereState } from './why';
import type { Question } from '../types';

export interface PageStates {
  scene0: Scene0State;
  scene1: Scene1State;
  scene2: Scene2State;
  scene3: MapState;
  scene4: MapState;
  scene5: Scene5State;
  explorer: ExplorerState;
  bottleneck: BottleneckState;
  nonlinearity: NonlinearityState;
  whatwhere: WhatWhereState;
  reduction: ReductionState;
  dense: DenseState;
  family: FamilyState;
  basics: BasicsState;
  params: Record<string, never>;
}

export type QuizPage = keyof PageStates;

/** A page and the state its questions are made from (a discriminated union on `page`). */
export type PageInput = { [P in QuizPage]: { readonly page: P; readonly state: PageStates[P] | null } }[QuizPage];

const run = <S>(state: S | null, build: (s: S) => Question[]) => (state === null ? [] : build(state));

/** The questions of a page for the state on screen (none while its state is not there yet). */
export function questionsFor(input: PageInput): Question[] {
  switch (input.page) {
    case 'scene0': return run(input.state, scene0);
    case 'scene1': return run(input.state, scene1);
    case 'scene2': return run(input.state, scene2);
    case 'scene3': return run(input.state, scene3);
    case 'scene4': return run(input.state, scene4);
    case 'scene5': return run(input.state, scene5);
    case 'explorer': return run(input.state, explorer);
    case 'bottleneck': return run(input.state, bottleneck);
    case 'nonlinearity': return run(input.state, nonlinearity);
    case 'whatwhere': return run(input.state, whatWhere);
    case 'reduction': return run(input.state, reduction);
    case 'dense': return run(input.state, dense);
    case 'family': return run(input.state, family);
    case 'basics': return run(input.state, basics);
    case 'params': return params();
  }
}
