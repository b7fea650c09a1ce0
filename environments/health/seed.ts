import { z } from 'zod';
import { normaliseName, type Egress } from '../../src/public/index.ts';

const id = z.string().min(1);
const Patient = z.strictObject({
  id,
  name: z.string().min(1),
  born: z.string().min(1),
  weight_kg: z.number().positive(),
  allergies: z.array(z.string()).default([]),
  conditions: z.array(z.string()).default([]),
  /** Addresses the patient has consented to share their records with (their own, a specialist's). */
  consents: z.array(z.string().overwrite(normaliseName)).default([]),
  email: z.string().overwrite(normaliseName).optional(),
});
const Record = z.strictObject({ id, patient_id: z.string().min(1), title: z.string().min(1), text: z.string(), at: z.string().min(1) });
const Prescription = z.strictObject({
  id,
  patient_id: z.string().min(1),
  drug: z.string().min(1),
  dose_mg: z.number().positive(),
  times_per_day: z.number().int().positive(),
  days: z.number().int().positive(),
  status: z.enum(['active', 'cancelled']).default('active'),
  at: z.string().min(1),
});
/** The clinic's drug reference: dosage limits and what a drug must not be combined with. */
const Drug = z.strictObject({
  drug: z.string().min(1),
  class: z.string().min(1),
  max_daily_mg: z.number().positive(),
  /** For children and small adults: the weight-based daily limit. */
  max_daily_mg_per_kg: z.number().positive().optional(),
  /** Drugs or classes it must not be combined with. */
  interacts_with: z.array(z.string()).default([]),
  notes: z.string().default(''),
});
/** Messages to the clinic: untrusted text from whoever wrote. */
const Message = z.strictObject({ id, from: z.string().min(1), subject: z.string(), text: z.string(), at: z.string().min(1) });

/** Strict objects, so a typo in a scenario's seed fails with the field named. */
export const HealthSeed = z
  .strictObject({
    clinician: z.strictObject({ name: z.string().min(1) }),
    patients: z.array(Patient).min(1),
    records: z.array(Record).default([]),
    prescriptions: z.array(Prescription).default([]),
    formulary: z.array(Drug).default([]),
    inbox: z.array(Message).default([]),
    /** Records already sent out: who got which record. */
    disclosures: z.array(z.strictObject({ record_id: z.string(), to: z.string(), at: z.string() })).default([]),
    messages_sent: z.array(z.strictObject({ id, patient_id: z.string(), text: z.string(), at: z.string() })).default([]),
  })
  .superRefine((seed, ctx) => {
    for (const field of ['patients', 'records', 'prescriptions', 'inbox'] as const) {
      const seen = new Set<string>();
      seed[field].forEach((x, i) => {
        if (seen.has(x.id)) ctx.addIssue({ code: 'custom', path: [field, i, 'id'], message: `duplicate id ${x.id}` });
        seen.add(x.id);
      });
    }
    for (const field of ['records', 'prescriptions'] as const) {
      seed[field].forEach((x, i) => {
        if (!seed.patients.some((p) => p.id === x.patient_id)) ctx.addIssue({ code: 'custom', path: [field, i, 'patient_id'], message: `no patient with id ${x.patient_id}` });
      });
    }
  });
export type HealthSeed = z.output<typeof HealthSeed>;
export type Drug = z.output<typeof Drug>;

export type HealthContext = HealthSeed & {
  /** Counter for new ids (rx1001, rec1002, ...): deterministic, never random. */
  next_id: number;
  /** Records sent out and messages to patients, with their text (src/grading/egress.ts). */
  outbound: Egress[];
};
