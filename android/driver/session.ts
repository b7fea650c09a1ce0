import { errors } from 'appium/driver.js';
import { ElementStore, elementIdOf, elementIds } from './elements.ts';
import { InvalidSelector, locate, locateScrollTarget, scrollableOf } from './locators.ts';
import type { ActOutcome, SessionAction, SessionBackend } from '../episodes/backend.ts';
import { actingNode, parseSource, type ParsedSource, type SourceNode } from '../shell/source.ts';

/** W3C's key for an element reference in JSON. */
export const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

/** An element id as clients send it: the id, or an element reference object (WebdriverIO's `tap` sends one). */
export function refId(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object') {
    const ref = value as Record<string, unknown>;
    const id = ref[ELEMENT_KEY] ?? ref.ELEMENT;
    return typeof id === 'string' ? id : undefined;
  }
  return String(value);
}

interface Snapshot {
  /** The page source it was parsed from. */
  screen: string;
  source: ParsedSource;
  /** Every node's id, worked out when an id not given on this screen is looked up. */
  elements?: ReturnType<typeof elementIds>;
  /** The nodes this screen's finds gave ids to (a find then a click on it, a step's usual pair, hashes only those). */
  given?: Map<string, SourceNode>;
}

/**
 * One Appium session's view of the phone: finds over the page source and the element commands.
 * An element id names its element by a stable identity (elements.ts), so it stays valid on the next
 * screen while its element is there, and is a stale element reference once it is gone: never a tap
 * on whatever is there now.
 */
export class PhoneSession {
  readonly backend: SessionBackend;
  #snapshot?: Snapshot;
  readonly #store = new ElementStore();

  constructor(backend: SessionBackend) {
    this.backend = backend;
  }

  /**
   * The current screen, parsed once per page source: the phone keeps its source per screen (the same
   * string while nothing changed), and a command may look at the screen three times (the find, its
   * locator, the references it gives).
   */
  async snapshot(): Promise<Snapshot> {
    const xml = await this.backend.device.pageSource();
    if (this.#snapshot?.screen !== xml) this.#snapshot = { screen: xml, source: parseSource(xml) };
    return this.#snapshot;
  }

  elementId(snap: Snapshot, node: SourceNode): string {
    // An element's id is its identity's (elements.ts), unique on a screen: no need to work out the others'.
    const id = snap.elements?.ids.get(node) ?? elementIdOf(node);
    if (snap.source.nodes[node.order] === node) (snap.given ??= new Map()).set(id, node);
    return this.#store.give(id);
  }

  /** The node an element id names on the current screen; W3C errors for unknown and stale ids. */
  async node(elementId: unknown): Promise<{ snap: Snapshot; node: SourceNode }> {
    if (typeof elementId !== 'string' || !this.#store.given(elementId)) throw new errors.NoSuchElementError(`no element with id ${JSON.stringify(elementId)}`);
    const snap = await this.snapshot();
    const node = snap.given?.get(elementId) ?? (snap.elements ??= elementIds(snap.source)).byId.get(elementId);
    if (!node) throw new errors.StaleElementReferenceError(`element ${elementId} is no longer on the screen (the screen has changed since it was found): find it again`);
    return { snap, node };
  }

  /**
   * The nodes a locator finds on the current screen (under `context`); a UiScrollable swipes until its
   * target shows. A selector that cannot be read is W3C `invalid selector`.
   */
  async locate(strategy: string, selector: string, context?: string): Promise<SourceNode[]> {
    if (typeof selector !== 'string' || selector === '') throw new errors.InvalidSelectorError(`a ${strategy} selector must be a non-empty string`);
    try {
      const scroll = scrollableOf(strategy, selector);
      const find = async () => {
        const from = context ? await this.node(context) : undefined;
        const snap = from?.snap ?? (await this.snapshot());
        return scroll ? locateScrollTarget(snap.source, scroll, from?.node) : locate(snap.source, strategy, selector, from?.node);
      };
      return scroll ? await this.scrollUntil(find, scroll.maxSwipes, scroll.vertical ? 'up' : 'left', 'UiScrollable scrollIntoView') : await find();
    } catch (e) {
      if (e instanceof InvalidSelector) throw new errors.InvalidSelectorError(e.message);
      throw e;
    }
  }

  /**
   * Swipes until `find` sees its element (UiScrollable's scrollIntoView, `mobile: scroll`): each swipe
   * is an action of the episode; it stops at the end of the list (a swipe that changes nothing).
   */
  async scrollUntil(find: () => Promise<SourceNode[]>, maxSwipes: number, finger: 'up' | 'left', why: string): Promise<SourceNode[]> {
    const content = async () => JSON.stringify((await this.snapshot()).source.elements.filter((e) => !/:id\/clock$/.test(e.resource_id)));
    for (let i = 0; ; i++) {
      const found = await find();
      if (found.length || i >= maxSwipes) return found;
      const before = await content();
      await this.act({ action: 'swipe', direction: finger }, `${why} (swipe ${i + 1})`);
      if ((await content()) === before) return find();
    }
  }

  /** findElement(s): W3C references to what the locator finds (empty for none, or `no such element` for one). */
  async find(strategy: string, selector: string, multiple: boolean, context?: string): Promise<unknown> {
    const command = multiple ? 'findElements' : 'findElement';
    let found: SourceNode[];
    try {
      found = await this.locate(strategy, selector, context);
    } catch (e) {
      if (e instanceof errors.InvalidSelectorError) this.backend.read(command, { using: strategy, value: selector, error: 'invalid selector' });
      throw e;
    }
    this.backend.read(command, { using: strategy, value: selector, found: found.length });
    const snap = await this.snapshot();
    const refs = found.map((n) => {
      const id = this.elementId(snap, n);
      return { [ELEMENT_KEY]: id, ELEMENT: id };
    });
    if (multiple) return refs;
    if (!refs[0]) throw new errors.NoSuchElementError(`no element found by ${strategy} ${JSON.stringify(selector)} on this screen`);
    return refs[0];
  }

  /** The listed element (numeric_tag) a found node acts through; an element nothing can act on is not interactable. */
  async tag(elementId: unknown, what: string): Promise<{ node: SourceNode; tag: number }> {
    const { snap, node } = await this.node(elementId);
    const acting = actingNode(snap.source, node);
    if (acting?.tag === undefined) throw new errors.ElementNotInteractableError(`element ${elementId} (${node.class}) cannot be ${what}`);
    return { node: acting, tag: acting.tag };
  }

  /** Applies an action; the world's refusal is W3C `invalid argument`, an ended episode `invalid session id`. */
  async act(action: SessionAction, raw: string): Promise<void> {
    const outcome = await this.backend.act(action, raw);
    this.#snapshot = undefined;
    if ('ended' in outcome) {
      if (action.action === 'finish' || action.action === 'refuse' || action.action === 'ask') return;
      throw new errors.NoSuchDriverError(`the episode has ended (${outcome.ended}); no further action is taken`);
    }
    if (!outcome.ok) throw new errors.InvalidArgumentError(outcome.message);
  }

  async click(elementId: unknown, long = false): Promise<void> {
    const { tag } = await this.tag(elementId, 'tapped');
    await this.act({ action: long ? 'long_tap' : 'tap', index: tag }, `${long ? 'longClickGesture' : 'click'} ${elementId}`);
  }

  async field(elementId: unknown): Promise<number> {
    const { node, tag } = await this.tag(elementId, 'typed into');
    if (!/EditText|AutoCompleteTextView/.test(node.class)) throw new errors.InvalidElementStateError(`element ${elementId} is a ${node.class}, not a text field`);
    return tag;
  }

  async clear(elementId: unknown): Promise<void> {
    await this.act({ action: 'replace_text', index: await this.field(elementId), text: '' }, `clear ${elementId}`);
  }

  /** UiAutomator2's setValue adds to the field's text; `replace` is `mobile: replaceElementValue`. */
  async setValue(text: unknown, elementId: unknown, replace = false): Promise<void> {
    const value = Array.isArray(text) ? text.join('') : text;
    if (typeof value !== 'string') throw new errors.InvalidArgumentError('the text to type must be a string');
    const index = await this.field(elementId);
    await this.act({ action: replace ? 'replace_text' : 'append_text', index, text: value }, `${replace ? 'replaceElementValue' : 'setValue'} ${elementId} (${value.length} chars)`);
  }

  async attribute(name: string, elementId: unknown): Promise<string | null> {
    const { node } = await this.node(elementId);
    const alias: Record<string, string> = { resourceId: 'resource-id', contentDescription: 'content-desc', className: 'class', longClickable: 'long-clickable' };
    if (name === 'name') return node.desc || node.text || null;
    const attr = alias[name] ?? name;
    return node.xml.hasAttribute(attr) ? node.xml.getAttribute(attr) : null;
  }

  async rect(elementId: unknown): Promise<{ x: number; y: number; width: number; height: number }> {
    const { node } = await this.node(elementId);
    const [l, t, r, b] = node.bounds;
    return { x: l, y: t, width: r - l, height: b - t };
  }
}
