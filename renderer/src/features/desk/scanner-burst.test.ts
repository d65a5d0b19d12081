import { describe, expect, it } from 'vitest';
import { scannerBurst } from './scanner-burst';

const typeAt = (b: ReturnType<typeof scannerBurst>, text: string, start: number, gap: number) => {
  [...text].forEach((c, i) => b.key(c, start + i * gap));
  return start + text.length * gap;
};

describe('scannerBurst', () => {
  it('gives back a code typed fast and ended by Enter', () => {
    const b = scannerBurst(100);
    const end = typeAt(b, 'ABCD-2345', 1000, 30);
    expect(b.enter(end)).toBe('ABCD-2345');
  });

  it('keeps only the fast keys: what a person typed before, with a pause, is not part of it', () => {
    const b = scannerBurst(100);
    const t = typeAt(b, 'Walter', 0, 180);
    const end = typeAt(b, 'ABCD2345', t + 2000, 25);
    expect(b.enter(end)).toBe('ABCD2345');
  });

  it('is nothing when a person types at a person’s pace, or pauses before Enter', () => {
    const slow = scannerBurst(100);
    expect(slow.enter(typeAt(slow, 'ABCD2345', 0, 150))).toBeNull();
    const pause = scannerBurst(100);
    expect(pause.enter(typeAt(pause, 'ABCD2345', 0, 20) + 900)).toBeNull();
  });

  it('starts over after Enter and after any other key', () => {
    const b = scannerBurst(100);
    b.enter(typeAt(b, 'ABCD2345', 0, 20));
    expect(b.enter(200)).toBeNull();
    const end = typeAt(b, 'ABCD', 1000, 20);
    b.reset();
    expect(b.enter(end + 10)).toBeNull();
  });
});
