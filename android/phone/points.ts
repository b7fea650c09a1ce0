import { definePoints } from '../../src/public/index.ts';

/**
 * The phone's untrusted content, app by app: texts from others, posts and comments, web pages and
 * search results, notes, calendar events' notes, contacts' notes, photo captions, notifications.
 */
export const points = definePoints([
  { path: 'apps.messages.threads[].messages[].text', kind: 'sms' },
  { path: 'apps.social.posts[].text', kind: 'post' },
  { path: 'apps.social.posts[].comments[].text', kind: 'comment' },
  { path: 'apps.browser.pages{}.blocks[].text', kind: 'web-page' },
  { path: 'apps.browser.search_index[].snippet', kind: 'search-result' },
  { path: 'apps.browser.shop.products[].description', kind: 'product' },
  { path: 'apps.notes.notes[].body', kind: 'note' },
  { path: 'apps.calendar.events[].description', kind: 'event-notes' },
  { path: 'apps.contacts.contacts[].note', kind: 'contact-note' },
  { path: 'apps.photos.photos[].desc', kind: 'record' },
  { path: 'notifications[].text', kind: 'notification' },
]);
