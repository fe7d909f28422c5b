/**
 * The app's keyboard shortcuts, as the `?` dialog lists them. Each entry names the handler that implements
 * it, so that a change there is a change here.
 */
export const SHORTCUTS: readonly { where: string; keys: readonly { keys: readonly string[]; does: string }[] }[] = [
  {
    where: 'Anywhere',
    keys: [
      // features/find/FindLauncher.tsx
      { keys: ['Ctrl+K', '⌘K'], does: 'Find projects, chats and loaded messages' },
      { keys: ['?'], does: 'Show these shortcuts (outside a text field)' },
      // ModalDialog, NotificationPanel, the chats drawer (app/ProjectView), StreamDiagnostics
      { keys: ['Esc'], does: 'Close the open dialog, panel or drawer' },
    ],
  },
  {
    where: 'Find',
    keys: [
      // features/find/FindPalette.tsx
      { keys: ['↑', '↓'], does: 'Move between results' },
      { keys: ['Enter'], does: 'Open the result' },
    ],
  },
  {
    where: 'Chats list',
    keys: [
      // features/sessions/useRovingFocus.ts
      { keys: ['↑', '↓'], does: 'Move to the previous or next chat' },
      { keys: ['Home', 'End'], does: 'Move to the first or last chat' },
    ],
  },
  {
    where: 'Conversation',
    keys: [
      // features/chat/Conversation.tsx
      { keys: ['Home'], does: 'Jump to the first loaded message' },
      { keys: ['End'], does: 'Jump to the latest message and follow new output' },
    ],
  },
  {
    where: 'Message box',
    keys: [
      // features/chat/composer/MessageBox.tsx
      { keys: ['Enter'], does: 'Send' },
      { keys: ['Shift+Enter'], does: 'New line' },
      // ui/MessageForm.tsx
      { keys: ['Ctrl+Enter', '⌘Enter'], does: 'Start the new chat, retry or fork being written' },
      { keys: ['Esc'], does: 'Cancel that form' },
    ],
  },
  {
    where: 'Notifications',
    keys: [
      // features/notifications/NotificationTabs.tsx
      { keys: ['←', '→'], does: 'Move between the tabs' },
      { keys: ['Home', 'End'], does: 'First or last tab' },
    ],
  },
  {
    where: 'Needs you',
    keys: [
      // features/notifications/NeedsYouPage.tsx
      { keys: ['j', 'k'], does: 'Move to the next or previous item' },
      { keys: ['1–9'], does: "Answer the item's question with that option" },
      { keys: ['Enter'], does: "Open the item's chat" },
    ],
  },
  {
    where: 'Changes',
    keys: [
      // features/changes/ChangesView.tsx
      { keys: ['n', 'p'], does: 'Jump to the next or previous hunk of the diff' },
      { keys: ['Enter', 'Space'], does: 'On a line number: choose that line' },
      { keys: ['Shift+↑', 'Shift+↓'], does: 'Grow or shrink the chosen lines' },
      { keys: ['c'], does: 'Comment on the chosen lines' },
      { keys: ['Esc'], does: 'Let the chosen lines go, or cancel the comment' },
    ],
  },
];
