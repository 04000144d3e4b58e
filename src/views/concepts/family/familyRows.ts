/** The rows of the convolution-family table, computed from the counting functions. */
import { layerCost, type LayerCost, type LayerKind } from '../../../engine/concepts/counts';

export const KINDS: readonly LayerKind[] = ['standard', 'grouped', 'depthwise', 'pointwise', 'separable'];

export interface FamilySettings {
  readonly inChannels: number;
  readonly outChannels: number;
  readonly groups: number;
  readonly kernel: number;
  readonly height: number;
  readonly width: number;
}

export interface FamilyRow {
  readonly kind: LayerKind;
  /** Output channels this kind actually makes (depthwise keeps Cin). */
  readonly outChannels: number;
  /** The weight formula with the current numbers, e.g. "3·3·(256/2)·(128/2)·2". */
  readonly formula: string;
  readonly cost: LayerCost;
}

export function familyRows(s: FamilySettings): FamilyRow[] {
  const { inChannels: cin, outChannels: cout, groups: g, kernel: k, height, width } = s;
  const formulas: Record<LayerKind, string> = {
    standard: `${k}·${k}·${cin}·${cout}`,
    grouped: `${k}·${k}·(${cin}/${g})·(${cout}/${g})·${g}`,
    depthwise: `${k}·${k}·${cin}`,
    pointwise: `${cin}·${cout}`,
    separable: `${k}·${k}·${cin} + ${cin}·${cout}`,
  };
  return KINDS.map((kind) => ({
    kind,
    outChannels: kind === 'depthwise' ? cin : cout,
    formula: formulas[kind],
    cost: layerCost({ kind, inChannels: cin, outChannels: kind === 'depthwise' ? cin : cout, kernel: k, groups: g, outHeight: height, outWidth: width }),
  }));
}

/** Why the settings cannot be used, or null. */
export function familyProblem(s: FamilySettings): 'groups' | null {
  return s.inChannels % s.groups === 0 && s.outChannels % s.groups === 0 ? null : 'groups';
}
