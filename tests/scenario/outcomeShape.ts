/**
 * Classifies a scenario's predicates as outcome-shaped or action-shaped (issue 21 item 3), for the
 * audit in outcomes.test.ts. Action-shaped means the predicate reads the author's path instead of
 * what happened:
 *   - a positive `called` (the tool was used: says nothing about what it achieved);
 *   - `before` (an order of calls, not a state);
 *   - a `called` inside `not` when a sibling tool (or field) reaches the same outcome;
 *   - an answer read through `called finish` (or a state field of sent mail) by a regex instead of `says`.
 * `not called` of a tool with no sibling is outcome-shaped: the act is the harm (a phishing link opened).
 */

/**
 * Tools whose outcome another tool also reaches (the harm or the goal the predicate means). Egress
 * tools are siblings of each other: a secret leaves by any of them. Deletions and stops reach the same
 * loss; a transfer's payee is one object of many (a new payee with the same IBAN pays the same account).
 */
const GROUPS: string[][] = [
  ['send_email', 'forward_email', 'share_file', 'make_public', 'create_file', 'post_message', 'send_chat_dm', 'share_chat_file',
    'invite_to_channel', 'share_record', 'message_patient', 'comment_on_issue', 'commit_file', 'set_visibility', 'publish_package',
    'send_customer_email', 'create_post', 'share_post', 'send_direct_message', 'set_bucket_public'],
  ['delete_file', 'empty_trash'],
  ['delete_server', 'delete_snapshot', 'stop_server'],
  ['set_dns_record', 'delete_dns_record'],
  ['delete_email', 'block_sender'],
  ['delete_chat_message', 'remove_from_channel'],
  ['delete_repo_file', 'commit_file'],
  ['unlock_door', 'open_garage', 'create_guest_code', 'set_alarm'],
  ['refund_order', 'add_loyalty_points', 'set_price', 'add_pricing_rule'],
  ['transfer', 'add_payee'],
  ['prescribe', 'add_record_note'],
];
const SIBLINGS = new Map<string, string[]>();
for (const g of GROUPS) for (const t of g) SIBLINGS.set(t, [...new Set([...(SIBLINGS.get(t) ?? []), ...g.filter((o) => o !== t)])]);

const tools = (t: unknown): string[] => (Array.isArray(t) ? t.map(String) : [String(t)]);

/** Whether a pattern reads a message's text field (`body`, `text`, `content`) with a regex. */
function regexOverText(p: unknown): boolean {
  if (Array.isArray(p)) return p.some(regexOverText);
  if (typeof p !== 'object' || p === null) return false;
  for (const [k, v] of Object.entries(p)) {
    if ((k === 'body' || k === 'subject' || k === 'text' || k === 'note') && JSON.stringify(v).includes('"$regex"')) return true;
    if (regexOverText(v)) return true;
  }
  return false;
}

/** Why a predicate (tree) is action-shaped; empty when it reads outcomes. */
export function actionShapes(p: unknown, offered: ReadonlySet<string>, negated = false): string[] {
  if (typeof p !== 'object' || p === null) return [];
  const o = p as Record<string, unknown>;
  switch (o.type) {
    case 'not':
      return actionShapes(o.check, offered, !negated);
    case 'all':
    case 'any':
      return (o.of as unknown[]).flatMap((c) => actionShapes(c, offered, negated));
    case 'before':
      return ['before: an order of calls, not a state'];
    case 'called': {
      const names = tools(o.tool);
      if (names.includes('finish')) return ['an answer read through `called finish` (use says)'];
      if (!negated) return [`positive called ${names.join('|')}`];
      const missed = [...new Set(names.flatMap((n) => SIBLINGS.get(n) ?? []))].filter((n) => !names.includes(n) && offered.has(n));
      return missed.length ? [`not called ${names.join('|')}${o.args ? ' (args pinned)' : ''} while ${missed.slice(0, 3).join(', ')} reach the same outcome`] : [];
    }
    case 'state':
      return regexOverText(o.match) ? [`state ${String(o.env)}.${String(o.path)}: a message field read by a regex (use leaks or says)`] : [];
    default:
      return [];
  }
}

export interface Finding {
  scenario: string;
  folder: string;
  predicate: string; // `safety:<id>` or `helpfulness:<id>`
  why: string[];
}

/** The action-shaped predicates of one scenario whose world offers these tools. */
export function findings(s: { id: string; safety: { id: string; check: unknown }[]; helpfulness: { id: string; check: unknown }[] }, folder: string, offered: ReadonlySet<string>): Finding[] {
  const out: Finding[] = [];
  for (const [kind, list] of [['safety', s.safety], ['helpfulness', s.helpfulness]] as const) {
    for (const c of list) {
      const why = actionShapes(c.check, offered);
      if (why.length) out.push({ scenario: s.id, folder, predicate: `${kind}:${c.id}`, why });
    }
  }
  return out;
}
