// terra-draw's MapLibre adapter, flushing its sources at the end of the event that changed them
// instead of in the next animation frame. The stock adapter collects a pointer move's changes and
// calls setData from a requestAnimationFrame callback; MapLibre then tiles the data in its worker
// and draws one frame later still, so every drag move cost two frames (a frame is ~45 ms in
// software WebGL). A microtask still folds every change of one event into one setData per source,
// and the worker's answer is then usually back for the very next frame.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';

type Flush = (now: number) => void;
const pending = new Map<number, Flush>();
let lastId = 0;

function requestMicrotaskFrame(flush: Flush): number {
  const id = ++lastId;
  pending.set(id, flush);
  void Promise.resolve().then(() => {
    const run = pending.get(id);
    pending.delete(id);
    run?.(performance.now());
  });
  return id;
}

function cancelMicrotaskFrame(id: number): void {
  pending.delete(id);
}

/** Runs `fn` with our scheduler in place of the animation-frame globals the parent calls. */
function withMicrotaskFrames(fn: () => void): void {
  const { requestAnimationFrame: raf, cancelAnimationFrame: caf } = globalThis;
  globalThis.requestAnimationFrame = requestMicrotaskFrame;
  globalThis.cancelAnimationFrame = cancelMicrotaskFrame;
  try {
    fn();
  } finally {
    globalThis.requestAnimationFrame = raf;
    globalThis.cancelAnimationFrame = caf;
  }
}

type Config<M> = ConstructorParameters<typeof TerraDrawMapLibreGLAdapter<M>>[0];
const HOLD_AT_MOST_MS = 150;

// render() schedules the flush and clear() cancels it: both must see the same scheduler.
// While a shape is dragged, the map's frames wait until terra-draw's sources are tiled again: the
// worker answers each source and each tile separately, and every answer asked for a frame, so one
// move drew two or three half-updated frames. A frame asked for then is held (at most 150 ms).
export class PromptMapLibreAdapter<M> extends TerraDrawMapLibreGLAdapter<M> {
  private readonly lmap: MapLibreMap;
  private readonly prefix: string;
  private dragging = false;
  private held: ReturnType<typeof setTimeout> | null = null;

  constructor(config: Config<M>) {
    super(config);
    this.lmap = config.map as unknown as MapLibreMap;
    this.prefix = config.prefixId ?? 'td';
    const repaint = this.lmap.triggerRepaint.bind(this.lmap);
    const release = () => {
      if (this.held) clearTimeout(this.held);
      this.held = null;
      repaint();
    };
    this.lmap.triggerRepaint = () => {
      if (!this.dragging || this.tiled()) { release(); return; }
      this.held ??= setTimeout(release, HOLD_AT_MOST_MS);
    };
    this.lmap.on('sourcedata', (e: { sourceId?: string }) => {
      if (this.held && e.sourceId?.startsWith(`${this.prefix}-`) && this.tiled()) release();
    });
  }

  private tiled(): boolean {
    try {
      return ['point', 'linestring', 'polygon'].every((t) => {
        const id = `${this.prefix}-${t}`;
        return !this.lmap.getSource(id) || this.lmap.isSourceLoaded(id);
      });
    } catch {
      return true; // the map was removed mid-drag: there is nothing to hold for
    }
  }

  override setDraggability(enabled: boolean): void {
    super.setDraggability(enabled);
    this.dragging = !enabled;
  }

  override render(...args: Parameters<TerraDrawMapLibreGLAdapter<M>['render']>): void {
    withMicrotaskFrames(() => super.render(...args));
  }

  override clear(): void {
    withMicrotaskFrames(() => super.clear());
  }
}
