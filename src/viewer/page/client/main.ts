import { renderApprovals } from './approvals.ts';
import { $ } from './dom.ts';
import { connect } from './events.ts';
import { renderBar, renderHead } from './head.ts';
import { renderHuman } from './human.ts';
import { register } from './schedule.ts';
import { select } from './selection.ts';
import { renderSidebar, renderTop } from './sidebar.ts';
import { renderState } from './stateView.ts';
import { S } from './state.ts';
import { markCurrent, renderTimeline } from './timeline.ts';

/**
 * The viewer page's client (no framework), bundled into the page by ../bundle.ts. Everything that
 * comes from the server goes into the page as text nodes or attribute values, never as markup; the
 * phone's screen (itself escaped by the renderer) goes into a sandboxed iframe that runs no scripts.
 */

register('sidebar', renderSidebar);
register('top', renderTop);
register('head', renderHead);
register('bar', renderBar);
register('approvals', renderApprovals);
register('human', renderHuman);
register('timeline', renderTimeline);
register('current', () => markCurrent(true));
register('state', renderState);

$('#approval-alert').addEventListener('click', () => {
  const a = S.approvals.values().next().value;
  if (a) void select(a.episodeId);
});
connect();
