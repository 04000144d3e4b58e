/**
 * Orders nodes so each comes after the nodes whose outputs it reads (Kahn's algorithm), and
 * refuses a graph with a cycle or a node reading a tensor nothing makes.
 */
import { ModelError } from './errors';
import type { OnnxNode } from './model';

/** `known`: tensors that exist before any node runs (the inputs and the initializers). */
export function sortNodes(nodes: readonly OnnxNode[], known: ReadonlySet<string>): OnnxNode[] {
  const producer = new Map<string, number>();
  nodes.forEach((n, i) => n.outputs.forEach((o) => o && producer.set(o, i)));
  const waiting = new Array<number>(nodes.length).fill(0);
  const readers = nodes.map(() => [] as number[]);
  nodes.forEach((n, i) => {
    for (const name of new Set(n.inputs)) {
      if (!name || known.has(name)) continue;
      const p = producer.get(name);
      if (p === undefined) throw new ModelError('missing-input', `${n.name} reads ${name}`);
      waiting[i]!++;
      readers[p]!.push(i);
    }
  });
  const ready = nodes.map((_, i) => i).filter((i) => waiting[i] === 0);
  const order: OnnxNode[] = [];
  while (ready.length) {
    const i = ready.shift()!;
    order.push(nodes[i]!);
    for (const r of readers[i]!) if (--waiting[r]! === 0) ready.push(r);
  }
  if (order.length < nodes.length) {
    const stuck = nodes.find((_, i) => waiting[i]! > 0)!;
    throw new ModelError('cycle', stuck.name);
  }
  return order;
}
