import { describe, expect, it } from 'vitest';
import { commandFor, KEY_BINDINGS } from './keyboard';

describe('keyboard', () => {
  it('maps the review keys to commands', () => {
    expect(commandFor({ key: 'j' })).toBe('next-suspect');
    expect(commandFor({ key: 'J' })).toBe('next-suspect');
    expect(commandFor({ key: 'ArrowLeft' })).toBe('previous-suspect');
    expect(commandFor({ key: 'f' })).toBe('flag');
    expect(commandFor({ key: 'z', ctrlKey: true })).toBe('undo');
    expect(commandFor({ key: 'z', metaKey: true })).toBe('undo');
    expect(commandFor({ key: '?' })).toBe('help');
    expect(commandFor({ key: 'Escape' })).toBe('clear-selection');
  });
  it('leaves keys typed into a field, modified keys and unknown keys to the browser', () => {
    expect(commandFor({ key: 'f', target: { tagName: 'INPUT' } })).toBeNull();
    expect(commandFor({ key: 'f', target: { tagName: 'DIV', isContentEditable: true } })).toBeNull();
    expect(commandFor({ key: 'j', ctrlKey: true })).toBeNull();
    expect(commandFor({ key: 'f', altKey: true })).toBeNull();
    expect(commandFor({ key: 'q' })).toBeNull();
  });
  it('binds every key once', () => {
    const keys = KEY_BINDINGS.flatMap((b) => b.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
