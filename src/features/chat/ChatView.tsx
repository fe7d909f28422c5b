import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import type { SessionState } from '../../api/contract';
import type { SessionEntry } from '../../reconcile/types';
import { LiveAnnouncement } from '../../ui/LiveAnnouncement';
import { canFork, canRetry } from './lineage/affordances';
import type { ChatActions, ConversationHistory, ItemJump, LineageActions } from './chatTypes';
import { Composer } from './composer/Composer';
import { Conversation } from './Conversation';
import { ChatHeader } from './header/ChatHeader';
import { useDocumentTitle } from './useDocumentTitle';
import { useStateAnnouncement } from './useStateAnnouncement';
import { CommentSlotContext, type RenderMessageComments } from './comments/commentSlot';

// Asked for as soon as the chat view's own code loads, not when a chat first renders: a comments part that
// arrived after the rows would make every message row taller under the reader's eyes.
const commentsLayer = import('./comments/CommentsLayer');
const CommentsLayer = lazy(() => commentsLayer.then((m) => ({ default: m.CommentsLayer })));

export interface ChatViewProps {
  projectId: string;
  entry: SessionEntry;
  agentState: SessionState | null;
  history: ConversationHistory;
  actions: ChatActions;
  lineageActions: LineageActions;
  /** What the machine behind the chat is doing (features/chat/machine), under the header. */
  machine?: ReactNode;
}

/** An open chat: header on top, the conversation scrolling in between, the composer at the bottom. */
export function ChatView({ projectId, entry, agentState, actions, lineageActions, history, machine }: ChatViewProps) {
  const { view, session } = entry;
  useDocumentTitle(`${session.topic || 'Untitled chat'} (${view.label}) · Lookout`);
  const announcement = useStateAnnouncement(entry);
  const { retrySend, discardSend } = actions;
  const rowActions = useMemo(() => ({ retrySend, discardSend }), [retrySend, discardSend]);
  const [jump, setJump] = useState<ItemJump | null>(null);
  const jumpToItem = (itemId: string) => setJump((held) => ({ itemId, seq: (held?.seq ?? 0) + 1 }));
  // The comments' row part, handed over by the lazy layer once it has loaded.
  const [commentSlot, setCommentSlot] = useState<RenderMessageComments | null>(null);
  return (
    <div className="flex min-h-0 min-w-0 flex-1 flex-col">
      <ChatHeader projectId={projectId} entry={entry} agentState={agentState} lineageActions={lineageActions} history={history} onJumpToTurn={jumpToItem} />
      {machine}
      <CommentSlotContext value={commentSlot}>
        <Conversation history={history} actions={rowActions} jumpTo={jump} />
      </CommentSlotContext>
      <Suspense fallback={null}>
        <CommentsLayer projectId={projectId} sessionId={session.id} onSlot={(slot) => setCommentSlot(() => slot)} />
      </Suspense>
      <Composer sessionId={session.id} view={view} actions={actions} lineageActions={lineageActions} showRetry={canRetry(view)} showFork={canFork(entry)} />
      <LiveAnnouncement message={announcement} />
    </div>
  );
}
