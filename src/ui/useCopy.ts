import { useEffect, useState } from 'react';

const CONFIRMATION_MS = 2000;

/** 'copied' for a moment after a copy; 'failed' where the clipboard refused (show the text to copy by hand). */
export type CopyState = 'idle' | 'copied' | 'failed';

/** Copies `value` on demand and says how it went; the confirmation clears itself after two seconds. */
export function useCopy(value: string): { state: CopyState; copy(): Promise<void> } {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [state]);
  async function copy() {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('clipboard unavailable');
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  }
  return { state, copy };
}
