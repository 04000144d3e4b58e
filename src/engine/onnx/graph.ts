/**
 * Runs the part of a model a tensor depends on: only the nodes on its path, in order, each
 * intermediate tensor let go as soon as no later node on the path reads it. The same walk
 * with shape-only tensors gives every tensor's shape for an input size (the layer list).
 */
import { ModelError } from './errors';
import type { OnnxModel, OnnxNode } from './model';
import { planFusion, type FusedConv } from './fuse';
import { isSupported, runNode } from './ops';
import { planChains, prepareChain, runChainHere, type ChainPlan, type PreparedChain } from './chain';
import { createRuntime, type Runtime } from './runtime';
import { floatTensor, type Tensor } from './tensor';

/** The nodes `targets` depend on, in the model's (dependency) order. */
export function pathTo(model: OnnxModel, targets: readonly string[]): OnnxNode[] {
  const producer = new Map<string, OnnxNode>();
  for (const n of model.nodes) for (const o of n.outputs) if (o) producer.set(o, n);
  const needed = new Set<OnnxNode>();
  const stack = [...targets];
  while (stack.length) {
    const name = stack.pop()!;
    const n = producer.get(name);
    if (!n || needed.has(n)) continue;
    needed.add(n);
    stack.push(...n.inputs.filter(Boolean));
  }
  return model.nodes.filter((n) => needed.has(n));
}

/** The first node on the path the engine cannot run. */
export function firstUnsupported(path: readonly OnnxNode[]): OnnxNode | undefined {
  return path.find((n) => !isSupported(n));
}

export interface EvaluateOptions {
  /** Called after each node (the worker reports progress and yields here). */
  readonly afterNode?: ((done: number, total: number, node: OnnxNode) => void | Promise<void>) | undefined;
  /** Runs a prepared chain of Convs (e.g. split with another worker) with the run's runtime; by default here, whole. */
  readonly runChain?: ((p: PreparedChain, rt: Runtime) => Promise<Float32Array>) | undefined;
  /**
   * What the run keeps and reuses — plans, pooled storage, prepared weights, scratch — and
   * what it finds kept from the model's runs before (runtime.ts). By default a fresh one:
   * reused within this run, let go after it.
   */
  readonly runtime?: Runtime | undefined;
}

/** How `targets` are computed: the path, its fusions and chains, and where each tensor is last read. */
export interface Plan {
  readonly path: readonly OnnxNode[];
  readonly keep: ReadonlySet<string>;
  readonly fused: ReadonlyMap<OnnxNode, FusedConv>;
  readonly chains: ReadonlyMap<OnnxNode, ChainPlan>;
  readonly lastUse: ReadonlyMap<string, number>;
}

/** The plan for `targets`, kept in `rt` with its model: a student's next picture through the same layer is planned already. */
function planFor(model: OnnxModel, targets: readonly string[], rt: Runtime): Plan {
  let kept = rt.plans.get(model);
  if (!kept) {
    kept = new Map<string, Plan>();
    // A few node lists: counted as no bytes.
    rt.plans.keep(model, kept, 0);
  }
  const key = JSON.stringify(targets);
  const known = kept.get(key);
  if (known) return known;
  const path = pathTo(model, targets);
  const bad = firstUnsupported(path);
  if (bad) throw new ModelError('unsupported-op', `${bad.domain ? `${bad.domain}.` : ''}${bad.opType} (${bad.name})`);
  const keep = new Set(targets);
  // Conv + BatchNormalization + ReLU run as one op, and chains of those (with a residual Add)
  // as one op; the nodes they swallow are skipped.
  const fused = planFusion(model, path, keep);
  const chains = planChains(model, path, keep, fused);
  const lastUse = new Map<string, number>();
  path.forEach((n, i) => n.inputs.forEach((name) => name && lastUse.set(name, i)));
  const plan = { path, keep, fused, chains, lastUse };
  kept.set(key, plan);
  return plan;
}

/**
 * The values of `targets` with the image input set to `image` (a shape-only tensor gives
 * shapes only). Throws a ModelError naming the first unsupported op on the path.
 */
export async function evaluate(model: OnnxModel, image: Tensor, targets: readonly string[], options: EvaluateOptions = {}): Promise<Map<string, Tensor>> {
  const rt = options.runtime ?? createRuntime();
  const { path, keep, fused, chains, lastUse } = planFor(model, targets, rt);
  // The nodes a fusion or a chain swallows are skipped.
  const skip = new Set([...fused.values()].flatMap((f) => f.swallowed));
  const env = new Map<string, Tensor>([[model.input.name, image]]);
  const read = (name: string): Tensor | undefined => {
    if (!name) return undefined;
    const t = env.get(name) ?? model.initializers.get(name);
    if (!t) throw new ModelError('missing-input', name);
    return t;
  };
  // A tensor let go gives its storage back, unless another live name holds the same array
  // (Identity, Reshape and the like share it) or it is a weight's or the picture's.
  const notOurs = new Set<Tensor['data']>([image.data, ...[...model.initializers.values()].map((t) => t.data)]);
  const release = ({ data }: Tensor) => {
    if (data instanceof Float32Array && !notOurs.has(data) && ![...env.values()].some((o) => o.data === data)) rt.recycle(data);
  };
  for (let i = 0; i < path.length; i++) {
    const node = path[i]!;
    const plan = chains.get(node);
    if (plan) {
      const c = prepareChain(plan, read, fused, rt);
      c.swallowed.forEach((n) => skip.add(n));
      env.set(c.output, floatTensor(c.shape, c.chain && (options.runChain ? await options.runChain(c.chain, rt) : runChainHere(c.chain, rt)), true));
    } else if (!skip.has(node)) {
      const name = node.outputs[0];
      const out = runNode(node, node.inputs.map(read), model.opset, rt);
      if (name) env.set(name, out);
    }
    for (const name of node.inputs) {
      if (lastUse.get(name) !== i || keep.has(name) || name === model.input.name) continue;
      const t = env.get(name);
      env.delete(name);
      if (t) release(t);
    }
    await options.afterNode?.(i + 1, path.length, node);
  }
  const result = new Map<string, Tensor>();
  for (const t of targets) result.set(t, read(t)!);
  return result;
}

/** Why a tensor has no shape: the error of the node that failed on the way to it. */
export interface ShapeFailure {
  readonly node: string;
  readonly error: ModelError;
}

/**
 * Every tensor's shape for an input of `image`'s shape, walking the whole graph without
 * values; a node the engine cannot run (and all that depends on it) is left out, so the
 * layers before it still get their sizes. `failures`, when given, learns for each tensor left
 * without a shape by a node that failed (not by an op the engine lacks) which node and why.
 */
export function inferShapes(model: OnnxModel, image: Tensor, failures?: Map<string, ShapeFailure>): Map<string, readonly number[]> {
  const env = new Map<string, Tensor>([[model.input.name, image]]);
  const shapes = new Map<string, readonly number[]>([[model.input.name, image.shape]]);
  for (const node of model.nodes) {
    const inputs = node.inputs.map((n) => (n ? env.get(n) ?? model.initializers.get(n) ?? null : undefined));
    if (inputs.includes(null) || !isSupported(node)) {
      const inherited = node.inputs.map((n) => failures?.get(n)).find(Boolean);
      if (inherited) for (const o of node.outputs) failures?.set(o, inherited);
      continue;
    }
    try {
      const out = runNode(node, inputs as (Tensor | undefined)[], model.opset);
      if (node.outputs[0]) {
        env.set(node.outputs[0], out);
        shapes.set(node.outputs[0], out.shape);
      }
    } catch (e) {
      if (!(e instanceof ModelError)) throw e;
      for (const o of node.outputs) failures?.set(o, { node: node.name, error: e });
    }
  }
  return shapes;
}
