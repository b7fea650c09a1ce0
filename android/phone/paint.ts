import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createCanvas, GlobalFonts, Path2D, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { Box, Item, Scene } from './scene.ts';

/**
 * Paints a scene on a Skia canvas (@napi-rs/canvas) and encodes it. Text is set in the Liberation
 * Sans files shipped beside this module (fonts/), never a system font, so a screen is the same
 * picture on every machine. A canvas per size is kept and repainted whole: a screen costs a few
 * milliseconds to paint, and the PNG encoding is most of a screenshot's time.
 */

const FAMILY = 'Tripwire Sans';
// Beside this file in the sources; the built twin (dist/android/phone/paint.js) reads the same files.
const fonts = ['./fonts/', '../../../android/phone/fonts/'].map((p) => fileURLToPath(new URL(p, import.meta.url))).find((d) => existsSync(`${d}LiberationSans-Regular.ttf`));
if (!fonts) throw new Error('android/phone/fonts/LiberationSans-Regular.ttf is missing: the phone cannot be drawn without its font');
GlobalFonts.registerFromPath(`${fonts}LiberationSans-Regular.ttf`, FAMILY, { weight: '400' });
GlobalFonts.registerFromPath(`${fonts}LiberationSans-Bold.ttf`, FAMILY, { weight: '700' });

export type ImageFormat = 'png' | 'jpeg' | 'webp';

export interface PaintOptions {
  /** Output width in pixels; the height follows the scene's aspect ratio. */
  width: number;
  format?: ImageFormat;
  /** JPEG and WebP quality, 0-100 (default 80). */
  quality?: number;
}

/**
 * The PNG setting: zlib level 1 without row filters. Measured at 1080x2400 on this project's
 * screens, it encodes in about half the time of level 6 with every filter and the files come out
 * smaller than other level-1 filter choices (flat colours compress well unfiltered).
 */
export const PNG = { compressionLevel: 1, filters: 0x08 } as const;

const canvases = new Map<string, Canvas>();
/** Canvases not being encoded, by size, for paintAsync: each encode keeps its canvas until it is done. */
const spare = new Map<string, Canvas[]>();
const paths = new Map<string, Path2D>();

function canvasOf(width: number, height: number): Canvas {
  const key = `${width}x${height}`;
  let c = canvases.get(key);
  if (!c) canvases.set(key, (c = createCanvas(width, height)));
  return c;
}

function pathOf(d: string): Path2D {
  let p = paths.get(d);
  if (!p) paths.set(d, (p = new Path2D(d)));
  return p;
}

/**
 * Draws the scene on the canvas kept for this size and returns it; the next draw at this size
 * repaints it, so read or encode it before that.
 */
export function draw(scene: Scene, width: number): Canvas {
  const w = Math.round(width);
  const h = Math.round((w * scene.height) / scene.width);
  const canvas = canvasOf(w, h);
  paintOn(canvas, scene);
  return canvas;
}

function paintOn(canvas: Canvas, scene: Scene): void {
  const g = canvas.getContext('2d');
  g.setTransform(canvas.width / scene.width, 0, 0, canvas.height / scene.height, 0, 0);
  g.fillStyle = scene.background;
  g.fillRect(0, 0, scene.width, scene.height);
  for (const item of scene.items) drawItem(g, item);
}

/**
 * paint() with the encoding on libuv's thread pool: the event loop is free while it runs, and
 * screenshots asked for at once encode on as many cores as there are. Each call paints on a canvas
 * of its own (a spare one of its size, or a new one), which goes back when its encoding is done.
 */
export async function paintAsync(scene: Scene, options: PaintOptions): Promise<Buffer> {
  const w = Math.round(options.width);
  const h = Math.round((w * scene.height) / scene.width);
  const key = `${w}x${h}`;
  const pool = spare.get(key) ?? [];
  spare.set(key, pool);
  const canvas = pool.pop() ?? createCanvas(w, h);
  try {
    paintOn(canvas, scene);
    const format = options.format ?? 'png';
    return await (format === 'png' ? canvas.encode('png', PNG) : canvas.encode(format, options.quality ?? 80));
  } finally {
    if (pool.length < 4) pool.push(canvas);
  }
}

/** Draws the scene and returns the encoded picture. */
export function paint(scene: Scene, options: PaintOptions): Buffer {
  const canvas = draw(scene, options.width);
  const format = options.format ?? 'png';
  if (format === 'png') return canvas.encodeSync('png', PNG);
  return canvas.encodeSync(format, options.quality ?? 80);
}

function roundRect(g: SKRSContext2D, [x, y, w, h]: Box, r = 0): void {
  g.beginPath();
  if (r > 0) g.roundRect(x, y, w, h, Math.min(r, w / 2, h / 2));
  else g.rect(x, y, w, h);
}

/** A soft shadow under a box without a blur filter (which costs more than the rest of the screen): two translucent offsets. */
function shadow(g: SKRSContext2D, [x, y, w, h]: Box, r: number): void {
  g.fillStyle = 'rgba(0,0,0,0.10)';
  roundRect(g, [x, y + 3, w, h + 3], r);
  g.fill();
  g.fillStyle = 'rgba(0,0,0,0.07)';
  roundRect(g, [x - 1, y + 1, w + 2, h + 7], r + 1);
  g.fill();
}

function drawItem(g: SKRSContext2D, it: Item): void {
  switch (it.kind) {
    case 'rect':
      if (it.shadow) shadow(g, it.box, it.radius ?? 0);
      roundRect(g, it.box, it.radius);
      if (it.fill) {
        g.fillStyle = it.fill;
        g.fill();
      }
      if (it.stroke) {
        // The stroke sits inside the box, as a CSS border does.
        const l = it.line ?? 3;
        roundRect(g, [it.box[0] + l / 2, it.box[1] + l / 2, it.box[2] - l, it.box[3] - l], Math.max(0, (it.radius ?? 0) - l / 2));
        g.strokeStyle = it.stroke;
        g.lineWidth = l;
        g.stroke();
      }
      return;
    case 'gradient': {
      const [x, y, w, h] = it.box;
      const grad = g.createLinearGradient(x, y, x + w, y + h);
      grad.addColorStop(0, it.from);
      grad.addColorStop(1, it.to);
      g.fillStyle = grad;
      roundRect(g, it.box, it.radius);
      g.fill();
      return;
    }
    case 'circle':
      if (it.shadow) {
        g.fillStyle = 'rgba(0,0,0,0.18)';
        g.beginPath();
        g.arc(it.cx, it.cy + 3, it.r + 1, 0, Math.PI * 2);
        g.fill();
      }
      g.fillStyle = it.fill;
      g.beginPath();
      g.arc(it.cx, it.cy, it.r, 0, Math.PI * 2);
      g.fill();
      return;
    case 'icon': {
      const [x, y, w] = it.box;
      g.save();
      g.translate(x, y);
      g.scale(w / 24, w / 24);
      if (it.stroke) {
        g.strokeStyle = it.color;
        g.lineWidth = it.stroke;
        g.lineJoin = 'round';
        g.stroke(pathOf(it.path));
      } else {
        g.fillStyle = it.color;
        g.fill(pathOf(it.path));
      }
      g.restore();
      return;
    }
    case 'text':
      return drawText(g, it);
    case 'bubble':
      return drawBubble(g, it);
  }
}

const fontOf = (size: number, bold?: boolean) => `${bold ? 'bold ' : ''}${size}px "${FAMILY}"`;
const lineOf = (size: number) => Math.round(size * 1.24);

/** Widths by font and string: screens repeat most of their words from one step to the next. */
const widths = new Map<string, number>();
function measure(g: SKRSContext2D, font: string, s: string): number {
  const key = `${font}|${s}`;
  let w = widths.get(key);
  if (w === undefined) {
    if (widths.size > 50_000) widths.clear();
    widths.set(key, (w = g.measureText(s).width));
  }
  return w;
}

/** The longest start of `s` that fits `max` with an ellipsis after it. */
function ellipsize(g: SKRSContext2D, font: string, s: string, max: number): string {
  if (measure(g, font, s) <= max) return s;
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (measure(g, font, `${s.slice(0, mid).trimEnd()}…`) <= max) lo = mid;
    else hi = mid - 1;
  }
  return `${s.slice(0, lo).trimEnd()}…`;
}

/**
 * Greedy word wrap to `max` px, at most `limit` lines; a word wider than a line breaks anywhere
 * (as CSS overflow-wrap: anywhere), and text that does not fit ends in an ellipsis.
 */
export function wrap(g: SKRSContext2D, font: string, text: string, max: number, limit: number): string[] {
  const lines: string[] = [];
  const paragraphs = text.split('\n');
  for (let p = 0; p < paragraphs.length; p++) {
    const words = paragraphs[p]!.split(' ');
    let line = '';
    for (let i = 0; i < words.length; i++) {
      let word = words[i]!;
      const next = line ? `${line} ${word}` : word;
      if (measure(g, font, next) <= max) {
        line = next;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      // A word longer than the line: cut it where it stops fitting.
      while (measure(g, font, word) > max && word.length > 1) {
        let cut = word.length - 1;
        while (cut > 1 && measure(g, font, word.slice(0, cut)) > max) cut--;
        lines.push(word.slice(0, cut));
        word = word.slice(cut);
        if (lines.length > limit) break;
      }
      line = word;
      if (lines.length > limit) break;
    }
    lines.push(line);
    if (lines.length > limit) break;
  }
  if (lines.length > limit) {
    const kept = lines.slice(0, limit);
    kept[limit - 1] = ellipsize(g, font, `${kept[limit - 1]}…`, max);
    return kept;
  }
  return lines;
}

function place(it: { align: string; valign: string }, box: Box, widthOf: number, lineIndex: number, count: number, line: number): [number, number] {
  const [x, y, w, h] = box;
  const block = count * line;
  const top = it.valign === 'top' ? y : it.valign === 'bottom' ? y + h - block : y + (h - block) / 2;
  const left = it.align === 'center' ? x + (w - widthOf) / 2 : it.align === 'right' ? x + w - widthOf : x;
  return [left, top + lineIndex * line + line / 2];
}

function drawText(g: SKRSContext2D, it: Extract<Item, { kind: 'text' }>): void {
  const [, , w, h] = it.box;
  if (w <= 0) return;
  const font = fontOf(it.size, it.bold);
  g.font = font;
  const line = it.size === 42 ? 52 : lineOf(it.size);
  const limit = it.wrap ? Math.max(1, Math.floor(h / line)) : 1;
  const caret = it.caret ? 8 : 0;
  const lines = it.wrap ? wrap(g, font, it.text, w - caret, limit) : [ellipsize(g, font, it.text.replace(/\n/g, ' '), w - caret)];
  // A focused empty field's caret stands before its hint, which moves over for it.
  const box: Box = it.caret?.before ? [it.box[0] + caret, it.box[1], w - caret, h] : it.box;
  g.textBaseline = 'middle';
  let end: [number, number] = [it.box[0], it.box[1] + h / 2];
  lines.forEach((s, i) => {
    const lw = measure(g, font, s);
    const [lx, ly] = place(it, box, lw, i, lines.length, line);
    if (it.highlight) {
      g.fillStyle = it.highlight;
      g.fillRect(lx - 2, ly - line / 2, lw + 4, line);
    }
    g.fillStyle = it.color;
    g.fillText(s, lx, ly);
    end = [it.caret?.before ? lx - caret : lx + lw, ly];
  });
  if (it.caret) {
    g.fillStyle = it.caret.color;
    g.fillRect(end[0] + 2, end[1] - 30, 6, 60);
  }
}

function drawBubble(g: SKRSContext2D, it: Extract<Item, { kind: 'bubble' }>): void {
  const [x, y, w, h] = it.box;
  const font = fontOf(it.size);
  g.font = font;
  const line = 52;
  const padX = 36;
  const max = w * it.max - 2 * padX;
  const lines = wrap(g, font, it.text, max, Math.max(1, Math.floor((h - 12) / line)));
  const inner = Math.max(...lines.map((s) => measure(g, font, s)));
  const bw = Math.min(w, inner + 2 * padX);
  const bh = Math.min(h, lines.length * line + 12);
  const bx = it.side === 'end' ? x + w - bw : x;
  const by = y + (h - bh) / 2;
  g.fillStyle = it.fill;
  roundRect(g, [bx, by, bw, bh], 42);
  g.fill();
  g.fillStyle = it.color;
  g.textBaseline = 'middle';
  lines.forEach((s, i) => g.fillText(s, bx + padX, by + 6 + i * line + line / 2));
}
