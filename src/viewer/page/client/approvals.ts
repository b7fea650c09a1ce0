import { enc, post } from './api.ts';
import { $, h, toast } from './dom.ts';
import { argsText } from './format.ts';
import { schedule } from './schedule.ts';
import { approvalsFor, S } from './state.ts';

/** Calls held for a person's approval: approve, or reject with a reason the agent sees. */
export function renderApprovals(): void {
  $('#approvals').replaceChildren(...approvalsFor(S.selected).map((a) => {
    const reason = h('input', { type: 'text', placeholder: 'Reason (the agent sees it)', 'aria-label': 'Reason for rejecting', class: 'reason' });
    const approve = h('button', { class: 'btn good', 'data-approve': a.id }, 'Approve');
    const reject = h('button', { class: 'btn bad', 'data-reject': a.id }, 'Reject');
    const decide = async (approved: boolean) => {
      approve.disabled = reject.disabled = true;
      try {
        await post('/api/approvals/' + enc(a.id), approved ? { approved: true } : { approved: false, reason: reason.value.trim() || 'rejected in the viewer' });
        S.approvals.delete(a.id);
        schedule('approvals', 'sidebar', 'top', 'head');
      } catch (e) {
        approve.disabled = reject.disabled = false;
        toast('approval: ' + (e as Error).message);
      }
    };
    approve.addEventListener('click', () => void decide(true));
    reject.addEventListener('click', () => void decide(false));
    return h('div', { class: 'card approval', 'data-approval': a.id },
      h('h3', null, 'Approval needed', h('span', { class: 'count' }, 'step ' + a.step)),
      h('div', { class: 'body' },
        h('div', { class: 'call' }, h('b', null, a.tool), '(', argsText(a.args), ')'),
        a.risk?.length ? h('p', { class: 'note', 'data-risk': a.risk.join(' ') }, 'risk: ' + a.risk.join(', ')) : null,
        h('div', { class: 'row-actions' }, approve, reason, reject)));
  }));
}
