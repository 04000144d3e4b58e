/**
 * A re-train on two workers: the worker that runs L-BFGS (the lead, trainJobs.ts) takes the
 * first half of the painted pixels and asks the other worker (the helper, over peer.ts's
 * port) for the second half of each pass over the features — the scores of a direction, and
 * the gradient sums at an accepted step (trainLayer.ts's asks). The helper is sent each
 * feature map once (packed there as plain doubles) and each re-train's pixels once; per pass
 * only the filters (6·Cin doubles) go out and its half of the scores or gradient comes back.
 * A helper that fails or falls silent is dropped and its half computed here: a crash costs
 * time, never the result.
 */
import { doubles, packFeatures, packedGradient, packedScores } from '../engine/train';
import { askHelper, currentHelper, type JobReply } from './peer';

/** Below this many multiply-adds per pass the pixels are not split (the messages would cost more, ≈ 0.1–0.3 ms a round trip). */
const SPLIT_MIN_MULTIPLY_ADDS = 2_000_000;
/** Maps the helper keeps (the one painted on, and one more). */
const HELPER_MAPS = 2;

/** The messages of a shared re-train (peer.ts routes every kind starting with 'train' here). */
export type TrainPeerRequest =
  | { kind: 'trainMap'; id: number; key: string; features: Float32Array }
  | { kind: 'trainRows'; id: number; key: string; channels: number; pixels: Int32Array }
  | { kind: 'trainScores'; id: number; w: Float64Array }
  | { kind: 'trainGradient'; id: number; g: Float64Array };

// ---- The helper's side ----

/** Maps the lead sent, packed, by key (oldest first). */
const maps = new Map<string, readonly number[]>();
/** The pixels of the re-train running, on one of those maps. */
let rows: { x: readonly number[]; d: number; pixels: Int32Array } | null = null;

/** Answers one request from the lead. */
export function helpTrain(r: { kind: string; id: number }, port: MessagePort): void {
  const reply = (values: Float64Array) => port.postMessage({ id: r.id, values } satisfies JobReply, [values.buffer]);
  try {
    const q = r as TrainPeerRequest;
    switch (q.kind) {
      case 'trainMap':
        maps.delete(q.key);
        maps.set(q.key, packFeatures(q.features));
        while (maps.size > HELPER_MAPS) maps.delete(maps.keys().next().value!);
        return reply(new Float64Array(0));
      case 'trainRows': {
        const x = maps.get(q.key);
        if (!x) throw new Error(`no map kept as ${q.key}`);
        rows = { x, d: q.channels, pixels: q.pixels };
        return reply(new Float64Array(0));
      }
      case 'trainScores': {
        const s = current();
        const out = new Float64Array(6 * s.pixels.length);
        packedScores(s.x, s.d, s.pixels, 0, s.pixels.length, Array.from(q.w), out);
        return reply(out);
      }
      case 'trainGradient': {
        const s = current(), gw = doubles(6 * s.d);
        packedGradient(s.x, s.d, s.pixels, 0, s.pixels.length, q.g, gw);
        return reply(Float64Array.from(gw));
      }
      default:
        throw new Error(`unknown request ${r.kind}`);
    }
  } catch (err) {
    port.postMessage({ id: r.id, error: err instanceof Error ? err.message : String(err) } satisfies JobReply);
  }
}

function current(): NonNullable<typeof rows> {
  if (!rows) throw new Error('no pixels to train on');
  return rows;
}

/** Forgets every map (tests). */
export function resetTrainHelper(): void {
  maps.clear();
  rows = null;
}

// ---- The lead's side ----

/** The map keys sent to each helper (a new link is a new helper, which holds none). */
const sent = new WeakMap<object, string[]>();

/** Sends a map to the helper, if there is one and it does not hold it yet (once per map: when its features are made). */
export function shareMap(key: string, features: Float32Array): void {
  const h = currentHelper();
  if (!h) return;
  const keys = sent.get(h) ?? [];
  if (keys.includes(key)) return;
  sent.set(h, [...keys, key].slice(-HELPER_MAPS));
  const copy = features.slice();
  void askHelper({ kind: 'trainMap', key, features: copy }, [copy.buffer]);
}

/**
 * The lead's share of the pixels. The helper's half costs it the messages both ways on top of
 * the same work, so an even split leaves the lead waiting (a fifth of a pass here): after each
 * shared re-train the share moves to where the passes would have finished together, as
 * measured — the lead's time for its pixels, and the helper's (its answer's arrival) for its own.
 */
let leadShare = 0.5;
const MIN_SHARE = 0.3, MAX_SHARE = 0.8;

/** The share that balances the lead's `mine` pixels in `ownMs` against the helper's `theirs` in `helperMs`. */
export function balancedShare(mine: number, ownMs: number, theirs: number, helperMs: number): number {
  if (!(ownMs > 0 && helperMs > 0 && mine > 0 && theirs > 0)) return 0.5;
  const lead = mine / ownMs, help = theirs / helperMs;
  return Math.min(MAX_SHARE, Math.max(MIN_SHARE, lead / (lead + help)));
}

/** The two passes of one re-train, over all its pixels: `await`ed by trainJobs.ts. */
export interface RowPasses {
  scores(w: readonly number[], out: Float64Array): Promise<void>;
  gradient(g: Float64Array, gw: number[]): Promise<void>;
  /** Whether the helper is (still) taking its half. */
  readonly shared: () => boolean;
  /** The re-train is over: what its passes measured sets the next one's split. */
  finish(): void;
}

/**
 * The passes of a re-train on `pixels` of the map kept as `key` (`x`: its packed values, `map`:
 * the same as floats, sent once if the helper lacks it): split with the helper when there is
 * one and the work is large enough, else all here.
 */
export function rowPasses(key: string, map: Float32Array, x: readonly number[], d: number, pixels: Int32Array): RowPasses {
  const n = pixels.length;
  // The lead's part ends on an even pixel (the kernels take pixels in pairs).
  const mine = 2 * Math.ceil((n * leadShare) / 2);
  // The lead's time on its pixels, and the helper's on its own (until its answer is here).
  let ownMs = 0, helperMs = 0;
  const timed = async (send: () => Promise<Float64Array | null>, own: () => void): Promise<Float64Array | null> => {
    const start = performance.now();
    let arrived = 0;
    const answer = send().then((v) => { arrived = performance.now(); return v; });
    own();
    const ownEnd = performance.now();
    const got = await answer;
    ownMs += ownEnd - start;
    // An answer that came while the lead computed is timed at the lead's end (an upper bound).
    helperMs += Math.max(arrived, ownEnd) - start;
    return got;
  };
  let shared = currentHelper() !== null && n * d * 6 >= SPLIT_MIN_MULTIPLY_ADDS && mine < n;
  if (shared) {
    shareMap(key, map);
    const theirs = pixels.slice(mine);
    void askHelper({ kind: 'trainRows', key, channels: d, pixels: theirs }, [theirs.buffer]);
  }
  const drop = () => {
    shared = false;
    // Whatever it held is forgotten: a later run sends the map again.
    const h = currentHelper();
    if (h) sent.delete(h);
  };
  return {
    shared: () => shared,
    finish() {
      if (!shared || ownMs <= 0) return;
      // The answer came while the lead computed, or hardly later (the messages' own time): how
      // much faster the helper was is unknown, so the lead gives it a little more next time.
      // Else the share moves halfway to the measured balance (a pass's time here is noisy).
      const waited = helperMs > ownMs * 1.05;
      leadShare = waited ? leadShare + 0.5 * (balancedShare(mine, ownMs, n - mine, helperMs) - leadShare) : Math.max(MIN_SHARE, leadShare - 0.01);
    },
    async scores(w, out) {
      if (shared) {
        const filters = Float64Array.from(w);
        const got = await timed(() => askHelper({ kind: 'trainScores', w: filters }, [filters.buffer]), () => packedScores(x, d, pixels, 0, mine, w, out));
        if (got?.length === 6 * (n - mine)) return void out.set(got, 6 * mine);
        drop();
        return packedScores(x, d, pixels, mine, n, w, out.subarray(6 * mine));
      }
      packedScores(x, d, pixels, 0, n, w, out);
    },
    async gradient(g, gw) {
      if (shared) {
        const part = g.slice(6 * mine);
        const got = await timed(() => askHelper({ kind: 'trainGradient', g: part }, [part.buffer]), () => packedGradient(x, d, pixels, 0, mine, g, gw));
        if (got?.length === gw.length) {
          for (let j = 0; j < gw.length; j++) gw[j] = gw[j]! + got[j]!;
          return;
        }
        drop();
        packedGradient(x, d, pixels, mine, n, g.subarray(6 * mine), gw);
        return;
      }
      packedGradient(x, d, pixels, 0, n, g, gw);
    },
  };
}
