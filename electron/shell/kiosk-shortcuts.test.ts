import { describe, expect, it } from 'vitest';
import { isKioskBlockedKey, type KeyPress } from './kiosk-shortcuts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ type: 'keyDown', key, control: false, meta: false, alt: false, shift: false, ...mods });

describe('the packaged kiosk window', () => {
  it('swallows reload, DevTools, quit and close', () => {
    for (const k of [press('F5'), press('r', { control: true }), press('R', { meta: true, shift: true }), press('F12'), press('I', { control: true, shift: true }), press('i', { meta: true, alt: true }), press('q', { meta: true }), press('w', { control: true }), press('F4', { alt: true })]) {
      expect(isKioskBlockedKey(k), JSON.stringify(k)).toBe(true);
    }
  });

  it('lets visitors type codes, names and emails, and move around by keyboard', () => {
    for (const k of [press('a'), press('R'), press('@', { shift: true }), press('Enter'), press('Tab'), press('Tab', { shift: true }), press('Backspace'), press('ArrowDown'), press('c', { control: true }), press('v', { control: true })]) {
      expect(isKioskBlockedKey(k), JSON.stringify(k)).toBe(false);
    }
  });
});
