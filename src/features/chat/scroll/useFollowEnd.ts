import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { followsAfterScroll, isNearEnd } from './followDecision';

/** A scroll this soon after the reader's last wheel, touch or key press in the list is theirs. */
const READER_INPUT_MS = 400;

/**
 * Keeps a conversation pinned to its end while the reader is there. It starts pinned, so a conversation
 * opens at its latest message. Pinned, every change of the content's size or of the viewport brings the
 * end back into view; the pin is released only by the reader scrolling up (see followsAfterScroll) and
 * taken again when they reach the end or ask for it (`followFromHere`).
 */
export function useFollowEnd(scrollRef: RefObject<HTMLDivElement | null>, scrollToEnd: () => void, contentSize: number) {
  const [following, setFollowing] = useState(true);
  // Read by scroll and resize handlers between renders; changed only through `follow`.
  const followingRef = useRef(following);
  const follow = useCallback((next: boolean) => {
    if (followingRef.current === next) return;
    followingRef.current = next;
    setFollowing(next);
  }, []);
  const reader = useRef({ lastInputAt: -Infinity, pointerHeld: false });
  const lastScrollTop = useRef(0);

  const keepPinned = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    if (followingRef.current) {
      if (!isNearEnd(el)) scrollToEnd();
    } else if (isNearEnd(el)) {
      follow(true);
    }
  }, [scrollRef, scrollToEnd, follow]);

  useLayoutEffect(keepPinned, [contentSize, keepPinned]);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const input = reader.current;
    const markInput = () => {
      input.lastInputAt = performance.now();
    };
    const press = () => {
      input.pointerHeld = true;
      markInput();
    };
    const release = () => {
      if (!input.pointerHeld) return;
      input.pointerHeld = false;
      markInput();
    };
    const inputEvents = ['wheel', 'touchstart', 'touchmove', 'keydown'] as const;
    for (const type of inputEvents) el.addEventListener(type, markInput, { passive: true });
    el.addEventListener('pointerdown', press);
    window.addEventListener('pointerup', release);
    window.addEventListener('pointercancel', release);
    // The viewport also changes without a scroll (the header's details open, the keyboard appears).
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(keepPinned);
    observer?.observe(el);
    return () => {
      for (const type of inputEvents) el.removeEventListener(type, markInput);
      el.removeEventListener('pointerdown', press);
      window.removeEventListener('pointerup', release);
      window.removeEventListener('pointercancel', release);
      observer?.disconnect();
    };
  }, [scrollRef, keepPinned]);

  function onScroll() {
    const el = scrollRef.current;
    if (!el) return;
    const movedUp = el.scrollTop < lastScrollTop.current - 1;
    lastScrollTop.current = el.scrollTop;
    const input = reader.current;
    const byReader = input.pointerHeld || performance.now() - input.lastInputAt < READER_INPUT_MS;
    const nearEnd = isNearEnd(el);
    const next = followsAfterScroll({ following: followingRef.current, nearEnd, movedUp, byReader });
    follow(next);
    if (next && !nearEnd) scrollToEnd();
  }

  const followFromHere = useCallback(() => {
    follow(true);
    scrollToEnd();
  }, [follow, scrollToEnd]);

  /** The reader asked to go elsewhere (the turn list): stop following, as a scroll up by them would. */
  const unpin = useCallback(() => follow(false), [follow]);

  return { following, onScroll, followFromHere, unpin };
}
