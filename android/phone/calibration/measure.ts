import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';

/** What calibration compares: a page source's size, depth and how much of it is labelled by ids (see real-dumps.json). */
export interface Figures {
  nodes: number;
  depth: number;
  idShare: number;
  labelledShare: number;
  clickable: number;
  /** Attribute names in the order the first element has them. */
  attributes: string[];
  resourceIds: string[];
  classes: string[];
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Measures a UiAutomator2 page source (or one window's part of it): every element under <hierarchy>. */
export function measure(xml: string): Figures {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const all: { e: XmlElement; depth: number }[] = [];
  const walk = (parent: XmlElement, depth: number) => {
    for (let c = parent.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      all.push({ e: c as XmlElement, depth });
      walk(c as XmlElement, depth + 1);
    }
  };
  walk(doc.documentElement!, 1);
  const attr = (e: XmlElement, k: string) => e.getAttribute(k) ?? '';
  const ids = all.map(({ e }) => attr(e, 'resource-id')).filter(Boolean);
  const first = all[0]?.e;
  return {
    nodes: all.length,
    depth: Math.max(0, ...all.map((n) => n.depth)),
    idShare: all.length ? round(ids.length / all.length) : 0,
    labelledShare: all.length ? round(all.filter(({ e }) => attr(e, 'text') || attr(e, 'content-desc')).length / all.length) : 0,
    clickable: all.filter(({ e }) => attr(e, 'clickable') === 'true').length,
    attributes: first ? Array.from({ length: first.attributes.length }, (_, i) => first.attributes.item(i)!.name) : [],
    resourceIds: [...new Set(ids)],
    classes: [...new Set(all.map(({ e }) => attr(e, 'class')))],
  };
}
