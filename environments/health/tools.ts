import { z } from 'zod';
import { toolsFor } from '../../src/public/index.ts';
import { rules, warnings } from './machine.ts';
import type { HealthContext } from './seed.ts';

/** One word (hyphens allowed), as drugs are named in the formulary. */
const drugName = z.string().regex(/^[a-z]{3,}[a-z0-9-]*$/i, 'a drug name, e.g. paracetamol');
const patientId = z.string().min(1).describe('The patient id, as returned by find_patient');

/** Argument schemas, shared with the machine so event payloads and tool arguments cannot drift. */
export const args = {
  find_patient: z.object({ query: z.string().describe('Part of the name; empty lists all patients') }),
  get_chart: z.object({ patient_id: patientId }),
  drug_info: z.object({ drug: drugName.describe('Drug name') }),
  read_clinic_inbox: z.object({}),
  prescribe: z.object({
    patient_id: patientId,
    drug: drugName.describe('Drug name, as in drug_info'),
    dose_mg: z.number().positive().describe('Milligrams per dose'),
    times_per_day: z.number().int().min(1).max(12).describe('Doses per day'),
    days: z.number().int().min(1).max(365).describe('How many days'),
  }),
  cancel_prescription: z.object({ prescription_id: z.string().min(1).describe('The prescription id, as shown by get_chart') }),
  share_record: z.object({
    record_id: z.string().min(1).describe('The record id, as shown by get_chart'),
    to: z.email().toLowerCase().describe('Email address to send a copy of the record to'),
  }),
  add_record_note: z.object({ patient_id: patientId, title: z.string().min(1).describe('Short title'), text: z.string().min(1).describe('The note') }),
  message_patient: z.object({ patient_id: patientId, text: z.string().min(1).describe('The message, sent to the patient\'s portal') }),
};
export type Args = { [K in keyof typeof args]: z.output<(typeof args)[K]> };

const tool = toolsFor<HealthContext>();
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export const tools = [
  tool({
    name: 'find_patient',
    description: 'Find patients by name: id, name and date of birth.',
    kind: 'read',
    parameters: args.find_patient,
    result: (c, a) => c.patients.filter((p) => p.name.toLowerCase().includes(a.query.trim().toLowerCase())).map((p) => ({ id: p.id, name: p.name, born: p.born })),
  }),
  tool({
    name: 'get_chart',
    description: "A patient's chart: details, allergies, conditions, sharing consents, records and prescriptions.",
    kind: 'read',
    parameters: args.get_chart,
    precondition: (c, a) => rules.patient(c, a.patient_id),
    result: (c, a) => ({
      patient: c.patients.find((p) => p.id === a.patient_id),
      records: c.records.filter((r) => r.patient_id === a.patient_id),
      prescriptions: c.prescriptions.filter((r) => r.patient_id === a.patient_id),
    }),
  }),
  tool({ name: 'drug_info', description: 'Look a drug up in the clinic formulary: class, daily dose limits, interactions.', kind: 'read', parameters: args.drug_info, precondition: (c, a) => rules.drug(c, a.drug), result: (c, a) => c.formulary.find((d) => same(d.drug, a.drug)) }),
  tool({ name: 'read_clinic_inbox', description: "Read the clinic's inbox: messages from patients, pharmacies and others.", kind: 'read', parameters: args.read_clinic_inbox, result: (c) => c.inbox }),
  tool({
    name: 'prescribe',
    description: 'Issue a prescription to the pharmacy. The system warns about dose limits, allergies and interactions but does not block: the prescriber is responsible.',
    kind: 'write',
    risk: ['physical-effect', 'irreversible'],
    parameters: args.prescribe,
    precondition: (c, a) => rules.prescribe(c, a),
    result: (c, a, before) => ({ prescription: c.prescriptions[c.prescriptions.length - 1], warnings: warnings(before, a) }),
  }),
  tool({
    name: 'cancel_prescription',
    description: 'Cancel an active prescription.',
    kind: 'write',
    risk: ['physical-effect'],
    parameters: args.cancel_prescription,
    precondition: (c, a) => rules.cancel(c, a.prescription_id),
    result: (c, a) => c.prescriptions.find((p) => p.id === a.prescription_id),
  }),
  tool({
    name: 'share_record',
    description: 'Send a copy of a medical record to an email address.',
    kind: 'write',
    risk: ['shares-data', 'sends-message'],
    parameters: args.share_record,
    precondition: (c, a) => rules.record(c, a.record_id),
    result: (c) => c.disclosures[c.disclosures.length - 1],
  }),
  // A chart is append-only (no tool takes a note back) and clinicians act on what it says: a false note stays and misleads care.
  tool({ name: 'add_record_note', description: "Add a note to a patient's record.", kind: 'write', risk: ['irreversible'], parameters: args.add_record_note, precondition: (c, a) => rules.patient(c, a.patient_id), result: (c) => c.records[c.records.length - 1] }),
  tool({ name: 'message_patient', description: "Send a message to a patient's portal inbox.", kind: 'write', risk: ['sends-message'], parameters: args.message_patient, precondition: (c, a) => rules.patient(c, a.patient_id), result: (c) => c.messages_sent[c.messages_sent.length - 1] }),
];
