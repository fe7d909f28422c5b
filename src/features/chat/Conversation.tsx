import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ConversationItem } from '../../reconcile/types';
import { ConversationRow } from './items/ConversationRow';
import { EarlierMessages, EARLIER_BAR_PX } from './scroll/EarlierMessages';
import { JumpToLatest } from './scroll/JumpToLatest';
import { newItemCount } from './scroll/newItemCount';
import { useKeepPlaceOnPrepend } from './scroll/useKeepPlaceOnPrepend';
import { useFollowEnd } from './scroll/useFollowEnd';
import { AT_END_PX } from './scroll/followDecision';
import { ExpandedContext, type ExpandedStore } from './useExpanded';
import type { RowActions } from './items/itemTypes';
import type { ConversationHistory, ItemJump } from './chatTypes';

/** Scrolling this close to the top loads the previous page by itself (the button stays for keyboards). */
const AUTO_LOAD_EARLIER_PX = 600;
/** First guesses of row heights; real heights are measured as rows render. */
const ESTIMATED_PX: Record<ConversationItem['kind'], number> = {
  user: 64,
  assistant: 120,
  thinking: 48,
  tool: 64,
  plan: 140,
  system: 48,
  unknown: 64,
};

const estimatedPx = (item: ConversationItem) => ESTIMATED_PX[item.kind] ?? 64;
const PADDING_END_PX = 16;

/** Where the list's end would be by the first guesses of the rows' heights, less a window's height. */
function estimatedEndOffset(items: readonly ConversationItem[]): number {
  let height = EARLIER_BAR_PX + PADDING_END_PX;
  for (const item of items) height += estimatedPx(item);
  return Math.max(0, height - window.innerHeight);
}

interface ConversationProps {
  history: ConversationHistory;
  actions: RowActions;
  /** Scroll to this item (the header's turn list), once per request. */
  jumpTo?: ItemJump | null;
}

function sameIds(keys: readonly string[], items: readonly ConversationItem[]): boolean {
  if (keys.length !== items.length) return false;
  // From the end: a stream changes the last rows. A plain loop: this runs on every chunk.
  for (let i = items.length - 1; i >= 0; i -= 1) if (items[i]!.id !== keys[i]) return false;
  return true;
}

/** The items' ids, as the same array for as long as they do not change. */
function useItemKeys(items: readonly ConversationItem[]): readonly string[] {
  const [seen, setSeen] = useState(() => ({ items, keys: items.map((item) => item.id) }));
  if (seen.items === items) return seen.keys;
  const keys = sameIds(seen.keys, items) ? seen.keys : items.map((item) => item.id);
  setSeen({ items, keys });
  return keys;
}

/**
 * The conversation as a virtual list: only the rows near the viewport are in the DOM, so a session of
 * 30,000 messages scrolls like a short one. The list is anchored to its end: it follows new output only
 * while the reader is at the bottom, and keeps their place when earlier pages are prepended.
 */
export function Conversation({ history, actions, jumpTo = null }: ConversationProps) {
  const { items, hasEarlier, isLoadingEarlier, earlierFailed } = history;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [expanded] = useState<ExpandedStore>(() => new Map());

  // Stable while the rows keep their ids (a streamed chunk grows the last item, a new array): a new key
  // function makes the virtualizer recompute every row's position, 30,000 of them in a long session.
  const keys = useItemKeys(items);
  const getItemKey = useCallback((index: number) => keys[index]!, [keys]);
  const estimateSize = useCallback((index: number) => estimatedPx(items[index]!), [items]);

  // Lookout does not run the React Compiler; the virtualizer's own re-renders drive this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    getItemKey,
    estimateSize,
    overscan: 6,
    paddingStart: EARLIER_BAR_PX,
    paddingEnd: PADDING_END_PX,
    // The first frame already shows the newest rows: without these, the virtualizer lays out its first
    // rows from the top (offset 0, no height) and the end comes a frame later, after the scroll to it.
    initialOffset: () => estimatedEndOffset(items),
    initialRect: { width: 0, height: window.innerHeight },
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: AT_END_PX,
    useFlushSync: false,
  });

  const rememberPlace = useKeepPlaceOnPrepend(virtualizer, scrollRef, items);
  function loadEarlierKeepingPlace() {
    rememberPlace();
    history.loadEarlier();
  }

  const scrollToEnd = useCallback(() => virtualizer.scrollToEnd(), [virtualizer]);
  const totalSize = virtualizer.getTotalSize();
  const { following, onScroll: followOnScroll, followFromHere, unpin } = useFollowEnd(scrollRef, scrollToEnd, totalSize);

  // The reader just sent something: show it, wherever they were reading.
  const last = items.at(-1);
  const justSentId = last?.kind === 'user' && last.delivery === 'sending' ? last.id : null;
  useLayoutEffect(() => {
    if (justSentId) followFromHere();
  }, [justSentId, followFromHere]);

  const jumpedSeq = useRef(0);
  useLayoutEffect(() => {
    if (!jumpTo || jumpTo.seq === jumpedSeq.current) return;
    jumpedSeq.current = jumpTo.seq;
    const index = keys.indexOf(jumpTo.itemId);
    if (index < 0) return;
    unpin();
    virtualizer.scrollToIndex(index, { align: 'start' });
  }, [jumpTo, keys, virtualizer, unpin]);

  function onScroll() {
    followOnScroll();
    rememberPlace();
    const el = scrollRef.current;
    if (el && el.scrollTop < AUTO_LOAD_EARLIER_PX && hasEarlier && !isLoadingEarlier && !earlierFailed) loadEarlierKeepingPlace();
  }

  // The browser's own Home/End scroll smoothly, and the virtualizer's corrections for rows measured on
  // the way cancel that animation half-way; these jump straight to the first or last loaded message.
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Home') {
      event.preventDefault();
      virtualizer.scrollToOffset(0);
    } else if (event.key === 'End') {
      event.preventDefault();
      followFromHere();
    }
  }

  function jumpToLatest() {
    followFromHere();
    scrollRef.current?.focus();
  }

  const lastAt = items.at(-1)?.createdAt ?? null;
  const [seenUntil, setSeenUntil] = useState(lastAt);
  if (following && seenUntil !== lastAt) setSeenUntil(lastAt);
  const unseen = following ? 0 : newItemCount(items, seenUntil);

  const rows = virtualizer.getVirtualItems();
  return (
    <ExpandedContext value={expanded}>
      <div className="relative flex min-h-0 flex-1 flex-col">
        <div
          ref={scrollRef}
          role="log"
          aria-label="Conversation"
          // New rows are announced only while following; rows mounted by scrolling back are not news.
          aria-live={following ? 'polite' : 'off'}
          aria-relevant="additions"
          tabIndex={0}
          onScroll={onScroll}
          onKeyDown={onKeyDown}
          className="min-h-0 flex-1 overflow-y-auto overscroll-contain [overflow-anchor:none]"
        >
          <div className="relative w-full" style={{ height: totalSize }}>
            <EarlierMessages hasEarlier={hasEarlier} isLoading={isLoadingEarlier} failed={earlierFailed} onLoadEarlier={loadEarlierKeepingPlace} />
            {rows.map((row) => (
              <div
                key={row.key}
                ref={virtualizer.measureElement}
                data-index={row.index}
                data-item-id={row.key}
                className="absolute left-0 top-0 w-full px-3 py-1.5 sm:px-4"
                style={{ transform: `translateY(${row.start}px)` }}
              >
                <div className="mx-auto max-w-3xl">
                  <ConversationRow item={items[row.index]!} actions={actions} />
                </div>
              </div>
            ))}
          </div>
        </div>
        {!following && <JumpToLatest unseen={unseen} onJump={jumpToLatest} />}
      </div>
    </ExpandedContext>
  );
}
