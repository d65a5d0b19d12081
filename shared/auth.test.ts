import { describe, expect, it } from 'vitest';
import { passwordSchema } from './auth';

// The forms validate with this schema as the user types: it must agree with the main process.
const messageOf = (password: string) => {
  const r = passwordSchema.safeParse(password);
  return r.success ? null : r.error.issues[0]!.message;
};

describe('passwordSchema', () => {
  it('counts characters, not bytes: 64 accented letters or 128 of any script are fine', () => {
    expect(messageOf('é'.repeat(64))).toBeNull();
    expect(messageOf('丸'.repeat(128))).toBeNull();
    expect(messageOf('🦉'.repeat(128))).toBeNull();
    expect(messageOf('丸'.repeat(129))).toBe('Too long: use at most 128 characters.');
  });

  it('asks for 12 characters and refuses one made of spaces only', () => {
    expect(messageOf('é'.repeat(11))).toBe('Use at least 12 characters.');
    expect(messageOf(' '.repeat(20))).toBe('A password cannot be only spaces.');
    expect(messageOf('\u3000'.repeat(12))).toBe('A password cannot be only spaces.');
    expect(messageOf('  twelve chars  ')).toBeNull();
  });
});
