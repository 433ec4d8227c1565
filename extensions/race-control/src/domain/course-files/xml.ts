// XML without a DOM: txml parses in a Web Worker, where DOMParser does not exist. Elements are
// matched by local name and namespace URI (never by prefix: files use `openrally:`, `or:`, none).
import { parse, type TNode } from 'txml/txml';
import { refuseNotCourse } from './refusals';

export type { TNode };
export type Scope = ReadonlyMap<string, string>;

export function parseXml(text: string, fileName: string): TNode {
  let nodes: (TNode | string)[];
  try {
    nodes = parse(text, { decodeEntities: true, keepComments: false });
  } catch (error) {
    refuseNotCourse(fileName, `the XML is broken: ${String((error as Error).message).split('\n')[0]}`);
  }
  const root = nodes.find((n): n is TNode => typeof n === 'object' && !n.tagName.startsWith('?') && !n.tagName.startsWith('!'));
  if (!root) refuseNotCourse(fileName, 'no XML element in it');
  return root;
}

export const localName = (tag: string): string => {
  const i = tag.indexOf(':');
  return (i < 0 ? tag : tag.slice(i + 1)).toLowerCase();
};
const prefixOf = (tag: string): string => {
  const i = tag.indexOf(':');
  return i < 0 ? '' : tag.slice(0, i);
};

/** The namespace declarations in force inside `node`, given those of its parent. */
export function scopeOf(node: TNode, parent: Scope): Scope {
  let scope: Map<string, string> | null = null;
  for (const [name, value] of Object.entries(node.attributes)) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) {
      scope ??= new Map(parent);
      scope.set(name === 'xmlns' ? '' : name.slice(6), value ?? '');
    }
  }
  return scope ?? parent;
}

export const namespaceOf = (node: TNode, scope: Scope): string => scope.get(prefixOf(node.tagName)) ?? '';

export function elements(node: TNode): TNode[] {
  const out: TNode[] = [];
  for (const c of node.children) if (typeof c === 'object') out.push(c);
  return out;
}

export function child(node: TNode, name: string): TNode | undefined {
  for (const c of node.children) if (typeof c === 'object' && localName(c.tagName) === name) return c;
  return undefined;
}

export function text(node: TNode | undefined): string {
  if (!node) return '';
  let s = '';
  for (const c of node.children) s += typeof c === 'string' ? c : text(c);
  return s.replace(/\r/g, '').trim();
}

export function numberOr(value: string | null | undefined, fallback: number | null): number | null {
  if (value === null || value === undefined || value.trim() === '') return fallback;
  const n = Number(value.trim());
  return Number.isFinite(n) ? n : fallback;
}

export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
