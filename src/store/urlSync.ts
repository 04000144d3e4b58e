/**
 * Keeps the store and the URL hash in step: the hash is read at start and on back/forward
 * (hashchange), and rewritten from the store at most every WRITE_MS (while playing, without
 * the moving cursor, since browsers throttle history updates). A change of view is a new history entry, so
 * back/forward moves between views; other changes replace the current entry.
 */
import type { AppStore } from './index';
import { parseUrlState, serializeUrlState, urlStateOf, type UrlState } from './urlState';
import { encodeClassNames, encodeStrokes } from '../lib/trainCode';

const WRITE_MS = 300;

/**
 * Puts a parsed URL state into the store (shape first, so the cursor is clamped to it). The
 * Train page's classes and strokes named in `refused` keep their last good value (a lecturer's
 * trained state is not wiped by a mangled link).
 */
export function applyUrlState(store: AppStore, u: UrlState, refused: ReadonlySet<string> = new Set()): void {
  const { setConfig } = store.getState();
  const c = store.getState().config;
  // The image is set only when it changes, so re-reading the same link keeps the student's picture.
  setConfig({ height: u.height, width: u.width, inChannels: u.inChannels, outChannels: u.outChannels, seed: u.seed, useBias: u.useBias, useRelu: u.useRelu, filters: u.filters, ...(u.image !== c.image ? { image: u.image } : {}) });
  // The Train page's state goes in before the view: a change of view writes the address at
  // once (startUrlSync), and it must carry the link's strokes, not the last ones.
  const t = store.getState().train;
  const keep = refused.has('tc') || refused.has('ts');
  const next = { photo: u.trainPhoto, input: u.trainInput, classes: keep ? t.classes : u.trainClasses, strokes: keep ? t.strokes : u.trainStrokes };
  if (next.photo !== t.photo || next.input !== t.input || encodeClassNames(next.classes) !== encodeClassNames(t.classes) || encodeStrokes(next.strokes) !== encodeStrokes(t.strokes)) {
    store.getState().setTrain(next);
  }
  // A link opens still (playing would move its cursor, or run the opening view's loop in another scene).
  store.setState({ view: u.view, palette: u.palette, scene: u.scene, channel: u.channel, speed: u.speed, cursor: { row: u.row, col: u.col, filterIndex: u.filterIndex }, playing: false });
}

export function startUrlSync(store: AppStore, win: Window = window): () => void {
  let written = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const read = () => {
    const hash = win.location.hash.replace(/^#/, '');
    if (hash === written) return;
    const { state, problems } = parseUrlState(hash);
    applyUrlState(store, state, new Set(problems.map((p) => p.key)));
    store.setState({ urlProblems: problems });
    written = serializeUrlState(urlStateOf(store.getState()));
    // The address says what the app uses: values it refused are replaced there too, so Copy
    // link and a reload give this view, not the refused values (the notice still names them).
    if (problems.length > 0 && hash !== written) win.history.replaceState(null, '', `${win.location.pathname}${win.location.search}#${written}`);
  };
  const write = () => {
    timer = undefined;
    const s = store.getState();
    let u = urlStateOf(s);
    // While playing, the cursor moves many times a second and browsers throttle history
    // updates: the address keeps the last written position, but every other change (a photo
    // picked while the opening view loops, say) is still written.
    if (s.playing) {
      const w = parseUrlState(written).state;
      u = { ...u, row: w.row, col: w.col, filterIndex: w.filterIndex, channel: w.channel };
    }
    const next = serializeUrlState(u);
    if (next === written) return;
    const viewChanged = parseUrlState(written).state.view !== s.view;
    written = next;
    const url = `${win.location.pathname}${win.location.search}#${next}`;
    if (viewChanged) win.history.pushState(null, '', url);
    else win.history.replaceState(null, '', url);
  };
  read();
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.view !== prev.view) {
      // A view change is written at once, as its own history entry.
      if (timer !== undefined) clearTimeout(timer);
      write();
    } else if (timer === undefined) timer = setTimeout(write, WRITE_MS);
  });
  win.addEventListener('hashchange', read);
  win.addEventListener('popstate', read);
  return () => {
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
    win.removeEventListener('hashchange', read);
    win.removeEventListener('popstate', read);
  };
}
