// uPlot draws on a canvas, which happy-dom lacks: component tests get this stand-in, which keeps
// the options and data it was given and lets a test fire its hooks (hover, drag-select).
import type uPlot from 'uplot';

export class FakePlot {
  static last: FakePlot | null = null;
  data: unknown[];
  scale: { min?: number; max?: number } = {};
  cursor: { idx: number | null; left?: number } = { idx: null };
  select = { left: 0, width: 0, top: 0, height: 0 };
  constructor(public opts: uPlot.Options, data: unknown[]) {
    this.data = data;
    FakePlot.last = this;
  }
  setData(data: unknown[]) { this.data = data; }
  setScale(_key: string, s: { min: number; max: number }) { this.scale = s; }
  setCursor(c: { left: number }) { this.cursor = { idx: Math.round(c.left), left: c.left }; }
  setSize() {}
  destroy() {}
  /** Positions are seconds since the track's first point, one pixel a second. */
  valToPos(v: number, key: string) { return key === 'x' ? v - (this.data[0] as Float64Array)[0]! : v; }
  posToVal(p: number) { return (this.data[0] as Float64Array)[0]! + p; }
  hover(idx: number) {
    this.cursor.idx = idx;
    for (const h of this.opts.hooks?.setCursor ?? []) h?.(this as unknown as uPlot);
  }
  dragSelect(left: number, width: number) {
    this.select = { left, width, top: 0, height: 100 };
    for (const h of this.opts.hooks?.setSelect ?? []) h?.(this as unknown as uPlot);
  }
}
