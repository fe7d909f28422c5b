/*
 * The sound of a new question: two short sine notes made in code (no audio file), and a short buzz where
 * the device vibrates. Browsers let a page make sound only once the person has interacted with it: the
 * click that turns the sound on plays a sample (and makes the one audio context, reused after that); after
 * a reload the tone sounds once the person has clicked or typed anywhere in the page, and stays silent before.
 */

type AudioContextConstructor = new () => AudioContext;

let context: AudioContext | null = null;

function audioContext(): AudioContext | null {
  if (context) return context;
  const Constructor =
    (globalThis as { AudioContext?: AudioContextConstructor; webkitAudioContext?: AudioContextConstructor }).AudioContext ??
    (globalThis as { webkitAudioContext?: AudioContextConstructor }).webkitAudioContext;
  if (!Constructor) return null;
  try {
    context = new Constructor();
  } catch {
    return null;
  }
  return context;
}

/** Notes of the tone (Hz), each NOTE_S long: a rising pair, unlike any system sound of the page. */
const NOTES = [660, 880];
const NOTE_S = 0.12;
const VOLUME = 0.15;
const VIBRATION_MS = [120, 60, 120];

export function playQuestionTone(): void {
  const audio = audioContext();
  if (audio) {
    try {
      if (audio.state === 'suspended') void audio.resume().catch(() => {});
      const start = audio.currentTime;
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = 'sine';
      NOTES.forEach((frequency, i) => oscillator.frequency.setValueAtTime(frequency, start + i * NOTE_S));
      const end = start + NOTES.length * NOTE_S;
      gain.gain.setValueAtTime(VOLUME, start);
      gain.gain.exponentialRampToValueAtTime(0.001, end);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start);
      oscillator.stop(end);
    } catch {
      // A browser that refuses audio here stays quiet; the bell and the title still count the question.
    }
  }
  if (typeof navigator !== 'undefined' && typeof navigator.vibrate === 'function') navigator.vibrate(VIBRATION_MS);
}
