import { useEffect, useRef, useState } from 'react';
import { Navigate, useParams } from 'react-router';
import { useNow } from '../live/react';
import { useProjectStream, useSessionEntries } from '../live/react/project';
import { canChooseDefaultChat, defaultChatId } from '../reconcile/defaultChat';
import { useLastChatStore } from '../state/lastChat';
import { useUiStore } from '../state/ui';
import { chatPath } from '../ui/chatPath';
import { useMediaQuery } from '../ui/useMediaQuery';
import { SessionsSidebar } from '../features/sessions/SessionsSidebar';
import { ChatPage } from '../features/chat/ChatPage';
import { ChangesPage } from '../features/changes/ChangesPage';

const WIDE = '(min-width: 768px)';

/**
 * The live project: sessions on the left, the open chat (or its workspace changes, `surface`) on the right.
 * Under 768 px the list is a drawer over the chat, or the whole screen when no chat is open. The changes
 * page lives in this chunk: as a lazy chunk of its own it made rolldown split the first screen's chunk
 * (docs/changes.md).
 */
export function ProjectView({ surface = 'chat' }: { surface?: 'chat' | 'changes' }) {
  const { projectId = '', sessionId = null } = useParams();
  useProjectStream(projectId);
  const wide = useMediaQuery(WIDE);
  const drawerOpen = useUiStore((s) => s.drawerOpen);
  const setDrawerOpen = useUiStore((s) => s.setDrawerOpen);
  const closeDrawer = () => setDrawerOpen(false);
  useRememberOpenChat(projectId, sessionId);

  if (wide) {
    return (
      <div className="flex min-h-0 flex-1">
        <aside aria-label="Chats" className="flex w-80 shrink-0 flex-col border-r border-line bg-surface lg:w-96">
          <SessionsSidebar projectId={projectId} selectedSessionId={sessionId} />
        </aside>
        <section aria-label={surface === 'changes' ? 'Workspace changes' : 'Chat'} className="flex min-w-0 flex-1 flex-col">
          {sessionId && surface === 'changes' && <ChangesPage />}
          {sessionId && surface === 'chat' && <ChatPage projectId={projectId} sessionId={sessionId} />}
          {!sessionId && <DefaultChat key={projectId} projectId={projectId} />}
        </section>
      </div>
    );
  }
  if (!sessionId) {
    return (
      <aside aria-label="Chats" className="flex min-h-0 flex-1 flex-col bg-surface">
        <SessionsSidebar projectId={projectId} selectedSessionId={null} />
      </aside>
    );
  }
  return (
    <div className="relative flex min-h-0 flex-1 flex-col">
      <section aria-label={surface === 'changes' ? 'Workspace changes' : 'Chat'} className="flex min-h-0 min-w-0 flex-1 flex-col">
        {surface === 'changes' ? <ChangesPage /> : <ChatPage projectId={projectId} sessionId={sessionId} />}
      </section>
      {drawerOpen && (
        <Drawer onClose={closeDrawer}>
          <SessionsSidebar projectId={projectId} selectedSessionId={sessionId} onNavigate={closeDrawer} />
        </Drawer>
      )}
    </div>
  );
}

function useRememberOpenChat(projectId: string, sessionId: string | null) {
  const remember = useLastChatStore((s) => s.remember);
  useEffect(() => {
    if (projectId && sessionId) remember(projectId, sessionId);
  }, [projectId, sessionId, remember]);
}

/**
 * A wide screen has room for a chat, so opening a project opens one (reconcile/defaultChat): decided
 * once, when the list has loaded; the empty pane stays when there is none to open.
 */
function DefaultChat({ projectId }: { projectId: string }) {
  const { entries, status, attentionPending } = useSessionEntries(projectId);
  const lastOpened = useLastChatStore((s) => s.byProject[projectId] ?? null);
  const now = useNow();
  // Decided once: a chat that starts needing you later must not pull the person away from the empty pane.
  const [stayEmpty, setStayEmpty] = useState(false);
  if (!stayEmpty) {
    if (status === 'pending' || (status === 'success' && !canChooseDefaultChat(entries, attentionPending))) return <div className="flex-1" />;
    const target = status === 'success' ? defaultChatId(entries, lastOpened, now) : null;
    if (target) return <Navigate to={chatPath(projectId, target)} replace />;
    setStayEmpty(true);
  }
  return <ChatPage projectId={projectId} sessionId={null} />;
}

function Drawer({ onClose, children }: { onClose: () => void; children: React.ReactNode }) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    panel.current?.focus();
    return () => opener?.focus();
  }, []);
  return (
    <div className="absolute inset-0 z-20 flex" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div
        id="sessions-drawer"
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-label="Chats"
        tabIndex={-1}
        className="flex w-[85%] max-w-sm flex-col bg-surface shadow-xl outline-none"
      >
        {children}
      </div>
      <button type="button" aria-label="Close chats" className="flex-1 bg-black/40" onClick={onClose} />
    </div>
  );
}
