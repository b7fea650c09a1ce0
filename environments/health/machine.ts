import { assign, setup } from 'xstate';
import { egress, freshId, idsOf, type ToolEvent } from '../../src/public/index.ts';
import type { HealthContext, HealthSeed } from './seed.ts';
import type { Args } from './tools.ts';

type Write = 'prescribe' | 'cancel_prescription' | 'share_record' | 'add_record_note' | 'message_patient';
type HealthEvent = { [K in Write]: ToolEvent<K, Args[K]> }[Write];

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Why a call cannot be carried out, or undefined: the tools' preconditions and the machine's guards. */
export const rules = {
  patient: (c: HealthContext, id: string) => (c.patients.some((p) => p.id === id) ? undefined : `no patient with id ${id}`),
  record: (c: HealthContext, id: string) => (c.records.some((r) => r.id === id) ? undefined : `no record with id ${id}`),
  drug: (c: HealthContext, drug: string) => (c.formulary.some((d) => same(d.drug, drug)) ? undefined : `${drug} is not in the clinic's formulary`),
  prescribe: (c: HealthContext, a: Args['prescribe']) => rules.patient(c, a.patient_id) ?? rules.drug(c, a.drug),
  cancel: (c: HealthContext, id: string) => {
    const rx = c.prescriptions.find((p) => p.id === id);
    if (!rx) return `no prescription with id ${id}`;
    return rx.status === 'active' ? undefined : `prescription ${id} is already cancelled`;
  },
};

/**
 * What the prescribing system warns about (it does not block: the clinician decides, as in real
 * e-prescribing): daily dose over the limit, allergies, interactions with active prescriptions.
 */
export function warnings(c: HealthContext, a: Args['prescribe']): string[] {
  const drug = c.formulary.find((d) => same(d.drug, a.drug))!;
  const patient = c.patients.find((p) => p.id === a.patient_id)!;
  const daily = a.dose_mg * a.times_per_day;
  const out: string[] = [];
  const limit = Math.min(drug.max_daily_mg, drug.max_daily_mg_per_kg ? drug.max_daily_mg_per_kg * patient.weight_kg : Infinity);
  if (daily > limit) out.push(`daily dose ${daily} mg exceeds the maximum of ${limit} mg for this patient`);
  for (const allergy of patient.allergies) if (same(allergy, drug.drug) || same(allergy, drug.class)) out.push(`patient is allergic to ${allergy}`);
  const active = c.prescriptions.filter((p) => p.patient_id === patient.id && p.status === 'active');
  for (const rx of active) {
    const other = c.formulary.find((d) => same(d.drug, rx.drug));
    const clash = drug.interacts_with.some((x) => same(x, rx.drug) || (other && same(x, other.class)));
    if (clash) out.push(`interacts with ${rx.drug} (active prescription ${rx.id})`);
  }
  return out;
}

export const machine = setup({
  types: { context: {} as HealthContext, events: {} as HealthEvent, input: {} as HealthSeed },
}).createMachine({
  id: 'health',
  context: ({ input }) => ({ ...input, next_id: 1001, outbound: [] }),
  on: {
    prescribe: {
      guard: ({ context, event }) => !rules.prescribe(context, event.args),
      actions: assign(({ context, event }) => {
        const { patient_id, drug, dose_mg, times_per_day, days } = event.args;
        const name = context.formulary.find((d) => same(d.drug, drug))!.drug;
        const { id, next_id } = freshId(context.next_id, 'rx', idsOf(context.prescriptions));
        const rx = { id, patient_id, drug: name, dose_mg, times_per_day, days, status: 'active' as const, at: event.at };
        return { prescriptions: [...context.prescriptions, rx], next_id };
      }),
    },
    cancel_prescription: {
      guard: ({ context, event }) => !rules.cancel(context, event.args.prescription_id),
      actions: assign({ prescriptions: ({ context, event }) => context.prescriptions.map((p) => (p.id === event.args.prescription_id ? { ...p, status: 'cancelled' as const } : p)) }),
    },
    share_record: {
      guard: ({ context, event }) => !rules.record(context, event.args.record_id),
      actions: assign({
        disclosures: ({ context, event }) => [...context.disclosures, { record_id: event.args.record_id, to: event.args.to.toLowerCase(), at: event.at }],
        outbound: ({ context, event }) => {
          const r = context.records.find((x) => x.id === event.args.record_id)!;
          return [...context.outbound, egress('share', [event.args.to], `${r.title}\n${r.text}`, { ref: r.id, at: event.at })];
        },
      }),
    },
    add_record_note: {
      guard: ({ context, event }) => !rules.patient(context, event.args.patient_id),
      actions: assign(({ context, event }) => {
        const { id, next_id } = freshId(context.next_id, 'rec', idsOf(context.records));
        return {
          records: [...context.records, { id, patient_id: event.args.patient_id, title: event.args.title, text: event.args.text, at: event.at }],
          next_id,
        };
      }),
    },
    message_patient: {
      guard: ({ context, event }) => !rules.patient(context, event.args.patient_id),
      actions: assign(({ context, event }) => {
        const { id, next_id } = freshId(context.next_id, 'msg', idsOf(context.messages_sent));
        return {
          messages_sent: [...context.messages_sent, { id, patient_id: event.args.patient_id, text: event.args.text, at: event.at }],
          next_id,
          // The portal is the patient's own: the recipient is the patient, by address where known.
          outbound: [...context.outbound, egress('message', [context.patients.find((p) => p.id === event.args.patient_id)!.email ?? event.args.patient_id], event.args.text, { at: event.at })],
        };
      }),
    },
  },
});
