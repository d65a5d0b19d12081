import type { ResultClass } from '../../../../shared/desk';

/** One short tone pattern per result class, so staff hear the answer without looking up. */
const PATTERNS: Record<ResultClass | 'typo', { freq: number; ms: number; type: OscillatorType }[]> = {
  ok: [
    { freq: 880, ms: 90, type: 'sine' },
    { freq: 1320, ms: 140, type: 'sine' },
  ],
  attention: [
    { freq: 660, ms: 120, type: 'triangle' },
    { freq: 660, ms: 120, type: 'triangle' },
  ],
  already: [
    { freq: 520, ms: 220, type: 'square' },
  ],
  refused: [
    { freq: 220, ms: 380, type: 'sawtooth' },
  ],
  typo: [
    { freq: 330, ms: 100, type: 'square' },
    { freq: 250, ms: 160, type: 'square' },
  ],
};

let audio: AudioContext | null = null;

/** Plays the class's tones with WebAudio (no sound files); silent where audio is unavailable. */
export function playResultSound(kind: ResultClass | 'typo'): void {
  try {
    audio ??= new AudioContext();
    let t = audio.currentTime;
    for (const { freq, ms, type } of PATTERNS[kind]) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = type;
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.15, t);
      gain.gain.exponentialRampToValueAtTime(0.001, t + ms / 1000);
      osc.connect(gain).connect(audio.destination);
      osc.start(t);
      osc.stop(t + ms / 1000);
      t += ms / 1000 + 0.04;
    }
  } catch {
    // No audio device or no WebAudio: the colour and the words still say it.
  }
}
