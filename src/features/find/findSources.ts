import type { FindData } from '../../live/react/find';
import type { FindChat, FindMessage, FindSources } from './findResults';

/** The palette's inputs from what Lookout holds: the API's chat rows, and the chats loaded while reading. */
export function toFindSources(data: FindData): FindSources {
  const projectNames = new Map(data.projects.map((project) => [project.id, project.name]));
  const topics = new Map(data.chats.map((chat) => [chat.id, chat.topic]));
  const chats: FindChat[] = data.chats.map((chat) => ({
    id: chat.id,
    projectId: chat.projectId,
    projectName: chat.projectName || (projectNames.get(chat.projectId) ?? ''),
    topic: chat.topic,
    updatedAt: chat.updatedAt,
  }));
  const messages: FindMessage[] = [];
  for (const loaded of data.loadedChats) {
    const { detail } = loaded;
    // A chat created a moment ago can be missing from SAM's index (it lags): the loaded one still counts.
    if (detail) {
      chats.push({
        id: loaded.sessionId,
        projectId: loaded.projectId,
        projectName: projectNames.get(loaded.projectId) ?? '',
        topic: detail.topic,
        updatedAt: detail.lastMessageAt ?? detail.startedAt ?? detail.createdAt ?? 0,
      });
    }
    const chatTopic = detail?.topic ?? topics.get(loaded.sessionId) ?? null;
    for (const item of loaded.items) {
      if (item.kind !== 'user' && item.kind !== 'assistant') continue;
      messages.push({
        projectId: loaded.projectId,
        sessionId: loaded.sessionId,
        itemId: item.id,
        chatTopic,
        role: item.kind,
        text: item.text,
        createdAt: item.createdAt,
      });
    }
  }
  return {
    projects: data.projects.map((project) => ({ id: project.id, name: project.name, repository: project.repository, lastActivityAt: project.lastActivityAt })),
    chats,
    messages,
  };
}
