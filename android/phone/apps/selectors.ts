/**
 * Where the apps' controls are, for scripted paths (reference trajectories, mutations, imported
 * tasks): by id where the real app has one (a View-based id, a Compose testTag), else by the text or
 * description the real app shows. One place, so a path and the app cannot drift apart.
 */
export const SELECTORS = {
  /** Messages: the extended floating button on the conversation list. */
  startChat: { text: 'Start chat' },
  /** Messages: the "To" field of a new conversation or a forward. */
  recipient: { id: 'recipient_text_view' },
  /** Messages: the message field (its hint, "Text message", is its text while empty). */
  messageField: { id: 'compose_message_text' },
  /** Messages: Send, present only once the message field has text. */
  send: { desc: 'Send SMS' },
  /** Settings: the PIN or password field (confirming the lock, setting a new one). */
  passwordEntry: { id: 'password_entry' },
} as const;
