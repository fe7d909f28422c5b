import { useNavigate } from 'react-router';
import { useSessionEntries, useStartTask } from '../../live/react/project';
import { chatPath } from '../../ui/chatPath';
import { SessionsPanel } from './SessionsPanel';

interface SessionsSidebarProps {
  projectId: string;
  selectedSessionId: string | null;
  /** Called after the person opens a chat (the narrow-screen drawer closes itself). */
  onNavigate?: () => void;
}

/** The project's sessions, live: wires SessionsPanel to the core's entries and to starting a chat. */
export function SessionsSidebar({ projectId, selectedSessionId, onNavigate }: SessionsSidebarProps) {
  const sessions = useSessionEntries(projectId);
  const { newChat } = useStartTask(projectId);
  const navigate = useNavigate();

  async function startChat(message: string) {
    const started = await newChat(message);
    await navigate(chatPath(projectId, started.sessionId));
    onNavigate?.();
  }

  return (
    <SessionsPanel
      projectId={projectId}
      selectedSessionId={selectedSessionId}
      entries={sessions.entries}
      status={sessions.status}
      error={sessions.error}
      hasMore={sessions.hasMore}
      isLoadingMore={sessions.isLoadingMore}
      onLoadMore={sessions.loadMore}
      onRetry={sessions.retry}
      onNewChat={startChat}
      onNavigate={onNavigate}
    />
  );
}
