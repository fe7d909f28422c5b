import { useCallback, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { describeError } from '../../api/http';
import { useChat, useChatActions, useStartTask } from '../../live/react/project';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorCard } from '../../ui/ErrorCard';
import { GoneCard, isGone } from '../../ui/GoneCard';
import { NewChatButton } from '../../ui/NewChatButton';
import { chatPath } from '../../ui/chatPath';
import { ChatLoading } from './ChatLoading';
import { MachineStrip } from './machine/MachineStrip';
import { ChatView } from './ChatView';
import { ChatScopeProvider } from './chatScope';
import { useDocumentTitle } from './useDocumentTitle';
import { useLineageActions } from './lineage/useLineageActions';

/** The chat column of a project: the open session, or a way to start one. */
export function ChatPage({ projectId, sessionId }: { projectId: string; sessionId: string | null }) {
  if (!sessionId) return <NoChatSelected projectId={projectId} />;
  // Keyed by session: scroll position, expanded cards and announcements belong to one conversation.
  return (
    <ChatScopeProvider projectId={projectId} sessionId={sessionId}>
      <OpenChat key={sessionId} projectId={projectId} sessionId={sessionId} />
    </ChatScopeProvider>
  );
}

function OpenChat({ projectId, sessionId }: { projectId: string; sessionId: string }) {
  const chat = useChat(projectId, sessionId);
  const actions = useChatActions(projectId, sessionId);
  const lineageActions = useLineageActions(projectId, chat.entry);
  const [earlierFailed, setEarlierFailed] = useState(false);
  // Scroll events can ask again before the pending flag has re-rendered: one page at a time.
  const loadingEarlier = useRef(false);
  const { loadEarlier } = chat;
  const loadEarlierOnce = useCallback(() => {
    if (loadingEarlier.current) return;
    loadingEarlier.current = true;
    setEarlierFailed(false);
    loadEarlier()
      .catch(() => setEarlierFailed(true))
      .finally(() => {
        loadingEarlier.current = false;
      });
  }, [loadEarlier]);

  if (chat.status === 'error') {
    return (
      <div className="flex-1 overflow-y-auto p-4">
        {isGone(chat.error) ? (
          <GoneCard
            title="This chat is not here"
            message="It may have been deleted, or the link is wrong."
            links={[
              { to: chatPath(projectId), label: 'Back to the project' },
              { to: '/', label: 'All projects' },
            ]}
          />
        ) : (
          <ErrorCard title="This chat could not be loaded" message={describeError(chat.error)} onRetry={chat.retry} />
        )}
      </div>
    );
  }
  if (chat.status === 'pending' || !chat.entry) return <ChatLoading />;
  return (
    <ChatView
      projectId={projectId}
      entry={chat.entry}
      agentState={chat.state}
      history={{
        items: chat.items,
        hasEarlier: chat.hasEarlier,
        isLoadingEarlier: chat.isLoadingEarlier,
        earlierFailed,
        loadEarlier: loadEarlierOnce,
      }}
      actions={actions}
      lineageActions={lineageActions}
      machine={
        <MachineStrip
          projectId={projectId}
          session={chat.entry.session}
          viewState={chat.entry.view.state}
          agentState={chat.state}
          cleanupAt={chat.detail?.cleanupAt ?? null}
        />
      }
    />
  );
}

function NoChatSelected({ projectId }: { projectId: string }) {
  const { newChat } = useStartTask(projectId);
  const navigate = useNavigate();
  useDocumentTitle('Chats · Lookout');
  async function start(message: string) {
    const started = await newChat(message);
    await navigate(chatPath(projectId, started.sessionId));
  }
  return (
    <div className="flex min-h-0 flex-1 items-center justify-center overflow-y-auto p-4">
      <EmptyState title="No chat open" action={<NewChatButton onStart={start} />}>
        Pick a chat from the list to watch its agent live, or start a new one.
      </EmptyState>
    </div>
  );
}
