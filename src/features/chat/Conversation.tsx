import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ConversationItem } from '../../reconcile/types';
import { ConversationRow } from './ConversationRow';
import { EarlierMessages, EARLIER_BAR_PX } from './EarlierMessages';
import { JumpToLatest } from './JumpToLatest';
import { newItemCount } from './newItemCount';
import { useKeepPlaceOnPrepend } from './useKeepPlaceOnPrepend';
import { ExpandedContext, type ExpandedStore } from './useExpanded';
import type { RowActions } from './items/itemTypes';

/** Within this many pixels of the end the reader counts as "at the bottom", and new output is followed. */
const AT_END_PX = 48;
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

interface ConversationProps {
  items: readonly ConversationItem[];
  hasEarlier: boolean;
  isLoadingEarlier: boolean;
  earlierFailed: boolean;
  onLoadEarlier(): void;
  actions: RowActions;
}

/**
 * The conversation as a virtual list: only the rows near the viewport are in the DOM, so a session of
 * 30,000 messages scrolls like a short one. The list is anchored to its end: it follows new output only
 * while the reader is at the bottom, and keeps their place when earlier pages are prepended.
 */
export function Conversation({ items, hasEarlier, isLoadingEarlier, earlierFailed, onLoadEarlier, actions }: ConversationProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [expanded] = useState<ExpandedStore>(() => new Map());
  const [atEnd, setAtEnd] = useState(true);
  const lastAt = items.at(-1)?.createdAt ?? null;
  const [seenUntil, setSeenUntil] = useState(lastAt);
  if (atEnd && seenUntil !== lastAt) setSeenUntil(lastAt);
  const unseen = atEnd ? 0 : newItemCount(items, seenUntil);

  // Stable between renders that keep the same items: a new key function makes the virtualizer
  // recompute every row's position, which is wasted work on each scroll frame of a long session.
  const getItemKey = useCallback((index: number) => items[index]!.id, [items]);
  const estimateSize = useCallback((index: number) => ESTIMATED_PX[items[index]!.kind] ?? 64, [items]);

  // Lookout does not run the React Compiler; the virtualizer's own re-renders drive this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    getItemKey,
    estimateSize,
    overscan: 6,
    paddingStart: EARLIER_BAR_PX,
    paddingEnd: 16,
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: AT_END_PX,
    useFlushSync: false,
  });

  const rememberPlace = useKeepPlaceOnPrepend(virtualizer, scrollRef, items);
  function loadEarlier() {
    rememberPlace();
    onLoadEarlier();
  }

  useLayoutEffect(() => {
    virtualizer.scrollToEnd();
    // Only on mount: open a conversation at its latest message.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The reader just sent something: show it, wherever they were reading.
  const last = items.at(-1);
  const justSentId = last?.kind === 'user' && last.delivery === 'sending' ? last.id : null;
  useLayoutEffect(() => {
    if (justSentId) virtualizer.scrollToEnd();
  }, [justSentId, virtualizer]);

  // The viewport also shrinks without a scroll event (the header's details open, the keyboard
  // appears): a reader who was at the end stays there, instead of silently falling behind.
  const atEndRef = useRef(atEnd);
  atEndRef.current = atEnd;
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (atEndRef.current) virtualizer.scrollToEnd();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [virtualizer]);

  function onScroll() {
    const el = scrollRef.current;
    if (!el) return;
    setAtEnd(el.scrollHeight - el.scrollTop - el.clientHeight <= AT_END_PX);
    rememberPlace();
    if (el.scrollTop < AUTO_LOAD_EARLIER_PX && hasEarlier && !isLoadingEarlier && !earlierFailed) loadEarlier();
  }

  function jumpToLatest() {
    virtualizer.scrollToEnd();
    scrollRef.current?.focus();
  }

  const rows = virtualizer.getVirtualItems();
  return (
    <ExpandedContext value={expanded}>
      <div className="relative flex min-h-0 flex-1 flex-col">
        <div
          ref={scrollRef}
          role="log"
          aria-label="Conversation"
          // New rows are announced only while following; rows mounted by scrolling back are not news.
          aria-live={atEnd ? 'polite' : 'off'}
          aria-relevant="additions"
          tabIndex={0}
          onScroll={onScroll}
          className="min-h-0 flex-1 overflow-y-auto overscroll-contain [overflow-anchor:none]"
        >
          <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
            <EarlierMessages hasEarlier={hasEarlier} isLoading={isLoadingEarlier} failed={earlierFailed} onLoadEarlier={loadEarlier} />
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
        {!atEnd && <JumpToLatest unseen={unseen} onJump={jumpToLatest} />}
      </div>
    </ExpandedContext>
  );
}
