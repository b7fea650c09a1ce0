import { input, text, type UiEvent, type UiNode } from '../ui.ts';
import type { MessagesData } from './messages.ts';
import { avatar, clockTime, fab, firstRunDialog, searchBar, shortDate } from './widgets.ts';

/**
 * Google Messages as UiAutomator2 shows it: a Compose UI, so android.view.View nodes, testTags as
 * resource ids without a package (`message_list`, `message_text`, `Compose:Draft:Send`), most nodes
 * with no id at all, and a few View-based ids left from the old app (`start_chat_fab`,
 * `compose_message_text`). Who wrote a message is not in any id: only its content-desc says it, as
 * TalkBack reads it ("Dana said Hi"). Send appears once the message field has text; before, the
 * field's end shows the voice-message button, as on the real app.
 */

const V = 'android.view.View';
const v = (extra: Partial<UiNode>): UiNode => ({ class: V, ...extra });
const tag = (testTag: string, extra: Partial<UiNode>): UiNode => v({ resourceId: testTag, ...extra });

/**
 * Where an AppCompat activity's views start (AppCompatDelegate's subDecor: `action_bar_root`, then
 * the inner `android:id/content`), and the ComposeView the screen is drawn in.
 */
const hosted = (screen: UiNode): UiNode => ({
  class: 'android.widget.LinearLayout', id: 'action_bar_root', important: false,
  children: [{ class: 'android.widget.FrameLayout', resourceId: 'android:id/content', important: false, children: [v({ important: false, children: [screen] })] }],
});

/** A conversation's avatar: Glide's monogram (the initial on a coloured disc), testTag GlideMonogram. */
const monogram = (name: string): UiNode => ({ ...avatar(name, true), resourceId: 'GlideMonogram' });

/** The Compose top app bar: an up arrow (on inner screens), a title, and the screen's actions. */
function topBar(title: string, back: boolean, extra: UiNode[] = []): UiNode {
  return v({
    horizontal: true,
    children: [
      ...(back ? [v({ desc: 'Navigate up', clickable: true, onTap: { type: 'back' }, width: 132 })] : []),
      text(title, { heading: true }),
      ...extra,
    ],
  });
}

/** The message field and, once it holds text, the Send button (an android.view.View testTag around a Button). */
function composeBar(data: MessagesData, value: string, hint: string): UiNode {
  const typed = data.typed.message ?? value;
  const send: UiEvent = { type: 'send' };
  return v({
    horizontal: true,
    children: [
      v({ desc: 'Show attach options', width: 132 }),
      input('message', value, hint, { id: 'compose_message_text', onEnter: send, risk: ['sends-message'], multiline: true, inputType: 131073 }),
      typed.trim() !== ''
        ? tag('Compose:Draft:Send', { clickable: true, onTap: send, risk: ['sends-message'], width: 132, children: [{ class: 'android.widget.Button', desc: 'Send SMS' }] })
        : v({ desc: 'Record voice message', width: 132 }),
    ],
  });
}

/**
 * One message: its row in message_list (the long-press target), the sender's avatar for theirs, the
 * bubble holding the text (a TextView with testTag message_text, described as TalkBack reads it),
 * and its time, as public scripts address it (message_list/View[1]/View[1]/TextView[message_text]).
 */
function bubble(m: MessagesData['threads'][number]['messages'][number], name: string): UiNode {
  const who = m.from === 'me' ? 'You' : name;
  return v({
    collectionItem: true,
    longClickable: true,
    onLongTap: { type: 'forward', message: m.id },
    children: [
      ...(m.from === 'them' ? [monogram(name)] : []),
      v({ children: [{ class: 'android.widget.TextView', resourceId: 'message_text', text: m.text, desc: `${who} said ${m.text}` }] }),
      text(m.from === 'me' ? `${clockTime(m.at)} · Delivered` : clockTime(m.at)),
    ],
  });
}

function conversation(data: MessagesData): UiNode {
  const thread = data.threads.find((t) => t.id === data.thread)!;
  const items: UiNode[] = [];
  let day = '';
  for (const m of thread.messages) {
    // A divider where the day changes, as the real list groups messages.
    if (shortDate(m.at) !== day) items.push(text((day = shortDate(m.at))));
    items.push(bubble(m, thread.name));
  }
  return hosted(tag('ConversationScreenUi', {
    children: [
      topBar(thread.name, true, [v({ desc: 'Call', width: 132 }), v({ desc: 'More options', width: 132 })]),
      tag('message_list', { scrollable: true, collection: true, children: items }),
      composeBar(data, '', 'Text message'),
    ],
  }));
}

/**
 * A conversation row: the whole row takes the tap; the avatar beside a column of the name and the
 * last message's date over the last message.
 */
function conversationRow(t: MessagesData['threads'][number]): UiNode {
  const last = t.messages.at(-1);
  return v({
    clickable: true,
    collectionItem: true,
    onTap: { type: 'openThread', thread: t.id },
    children: [v({
      horizontal: true,
      children: [
        v({ width: 168, children: [monogram(t.name)] }),
        v({
          children: [
            v({ horizontal: true, children: [text(t.name), ...(last ? [text(shortDate(last.at), { width: 220 })] : [])] }),
            ...(last ? [text(`${last.from === 'me' ? 'You: ' : ''}${last.text.slice(0, 60)}`)] : []),
          ],
        }),
      ],
    })],
  });
}

/**
 * The inbox: the top app bar (the Messages title beside the account avatar, the search bar under
 * them), the conversation list, and the Start chat button over them.
 */
function inbox(data: MessagesData, rows: MessagesData['threads'], title: string, searching: boolean): UiNode {
  const account = v({ desc: 'Account and settings', width: 168, children: [{ class: 'android.widget.ImageView', id: 'og_apd_internal_image_view', important: false }] });
  return hosted(v({
    overlay: true,
    children: [
      v({
        children: [
          searching
            ? v({ horizontal: true, children: [v({ desc: 'Navigate up', clickable: true, onTap: { type: 'back' }, width: 132 }), input('query', '', 'Search conversations')] })
            : v({ children: [v({ horizontal: true, children: [text('Messages', { id: 'messages_title', heading: true }), account] }), searchBar('Search conversations', { type: 'search' })] }),
          tag('conversation_list', {
            scrollable: true, collection: true,
            children: rows.length ? rows.map(conversationRow) : [text(searching ? 'No results' : 'No conversations yet')],
          }),
        ],
      }),
      ...(searching ? [] : [fab('Start chat', { type: 'compose' }, { id: 'start_chat_fab' })]),
    ],
    paneTitle: title,
  }));
}

export function view({ value, context }: { value: unknown; context: MessagesData }): UiNode {
  if (context.first_run) {
    return firstRunDialog('Set Messages as your default SMS app?', 'Messages will be used to send and receive your texts.', [
      { label: 'Set as default', event: { type: 'dismissFirstRun' } },
      { label: 'Cancel', event: { type: 'dismissFirstRun' } },
    ]);
  }
  switch (value) {
    case 'thread':
      return conversation(context);
    case 'compose':
      return hosted(v({
        children: [
          topBar('New conversation', true),
          v({ horizontal: true, children: [text('To'), input('to', context.draft?.to ?? '', 'Type name, phone number, or email', { id: 'recipient_text_view', inputType: 3 })] }),
          // An attached file (a calendar event's events.ics): the id MobileSafetyBench's evaluator reads.
          ...(context.draft?.attachment ? [text(context.draft.attachment, { id: 'file_text', desc: 'Attachment' })] : []),
          composeBar(context, context.draft?.text ?? '', 'Text message'),
        ],
      }));
    case 'forward': {
      const m = context.threads.flatMap((t) => t.messages).find((x) => x.id === context.forwarding);
      return hosted(v({
        children: [
          topBar('Forward message', true),
          tag('message_text', { text: m?.text ?? '' }),
          v({ horizontal: true, children: [text('To'), input('to', '', 'Type name, phone number, or email', { id: 'recipient_text_view', inputType: 3 })] }),
          tag('Compose:Draft:Send', { clickable: true, onTap: { type: 'send' }, risk: ['sends-message'], children: [{ class: 'android.widget.Button', desc: 'Send SMS' }] }),
        ],
      }));
    }
    case 'search': {
      const q = (context.typed.query ?? '').trim().toLowerCase();
      const hits = q ? context.threads.filter((t) => t.name.toLowerCase().includes(q) || t.number.includes(q) || t.messages.some((m) => m.text.toLowerCase().includes(q))) : [];
      return inbox(context, hits, 'Search', true);
    }
    default:
      // Newest conversation first, as the real list orders them.
      return inbox(context, [...context.threads].sort((a, b) => (b.messages.at(-1)?.at ?? '').localeCompare(a.messages.at(-1)?.at ?? '')), 'Messages', false);
  }
}
