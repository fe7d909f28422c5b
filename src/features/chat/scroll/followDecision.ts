/** Within this many pixels of the end the reader counts as "at the bottom", and new output is followed. */
export const AT_END_PX = 48;

export interface ScrollObservation {
  /** The list was following the end before this scroll. */
  following: boolean;
  /** The end is within AT_END_PX of the bottom of the viewport now. */
  nearEnd: boolean;
  /** The scroll position moved towards the start. */
  movedUp: boolean;
  /** The reader was touching, wheeling, dragging or pressing keys in the list when it scrolled. */
  byReader: boolean;
}

/**
 * Whether the list follows new output after a scroll. Only the reader leaves the end: content growing
 * between a scroll and its event, or the virtualizer correcting its estimates, also move the list away
 * from the end, and following must survive those (else a fast stream "stops following" by itself).
 * Reaching the end, by any means, resumes following.
 */
export function followsAfterScroll({ following, nearEnd, movedUp, byReader }: ScrollObservation): boolean {
  if (nearEnd) return true;
  if (!following) return false;
  return !(movedUp && byReader);
}

export function isNearEnd(el: HTMLElement): boolean {
  return el.scrollHeight - el.scrollTop - el.clientHeight <= AT_END_PX;
}
