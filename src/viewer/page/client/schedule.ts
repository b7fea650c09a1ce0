import { episode } from './state.ts';

/** The parts of the page that redraw; several changes in one tick redraw each part once. */
export type Part = 'sidebar' | 'top' | 'head' | 'bar' | 'approvals' | 'human' | 'timeline' | 'current' | 'state';

const renderers: Partial<Record<Part, () => void>> = {};
/** Parts drawn only while an episode is selected, in this order. */
const EPISODE_PARTS: Part[] = ['head', 'bar', 'approvals', 'human', 'timeline', 'current', 'state'];

export function register(part: Part, render: () => void): void {
  renderers[part] = render;
}

const dirty = new Set<Part>();
let timer: ReturnType<typeof setTimeout> | undefined;

export function schedule(...parts: (Part | null)[]): void {
  for (const p of parts) if (p) dirty.add(p);
  if (!timer) timer = setTimeout(flush, 0);
}

function flush(): void {
  timer = undefined;
  const parts = new Set(dirty);
  dirty.clear();
  if (parts.has('sidebar')) renderers.sidebar?.();
  if (parts.has('top')) renderers.top?.();
  if (!episode()) return;
  // A rebuilt timeline marks its current step itself.
  if (parts.has('timeline')) parts.delete('current');
  for (const p of EPISODE_PARTS) if (parts.has(p)) renderers[p]?.();
}
