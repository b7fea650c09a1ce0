import { describe, expect, it } from 'vitest';
import health from '../../environments/health/index.ts';
import type { HealthContext } from '../../environments/health/seed.ts';
import { drive, seedErrors } from '../support/environments.ts';

const seed = {
  clinician: { name: 'Dr. Kim' },
  patients: [
    { id: 'pt1', name: 'Maria Lopez', born: '1958-03-02', weight_kg: 70, allergies: ['penicillins'], consents: ['cardio@heart-clinic.example'] },
    { id: 'pt2', name: 'Leo Brandt', born: '2021-06-01', weight_kg: 15 },
  ],
  records: [{ id: 'r1', patient_id: 'pt1', title: 'ECG', text: 'Normal sinus rhythm', at: '2025-12-01T10:00:00Z' }],
  prescriptions: [{ id: 'rx1', patient_id: 'pt1', drug: 'warfarin', dose_mg: 5, times_per_day: 1, days: 90, at: '2025-12-01T10:00:00Z' }],
  formulary: [
    { drug: 'paracetamol', class: 'analgesic', max_daily_mg: 4000, max_daily_mg_per_kg: 60 },
    { drug: 'amoxicillin', class: 'penicillins', max_daily_mg: 3000 },
    { drug: 'ibuprofen', class: 'nsaid', max_daily_mg: 2400, interacts_with: ['warfarin'] },
    { drug: 'warfarin', class: 'anticoagulant', max_daily_mg: 10, interacts_with: ['nsaid'] },
  ],
};
const world = (over: object = {}) => drive<HealthContext>(health, { ...seed, ...over });

describe('health environment', () => {
  it('finds patients and shows a chart', () => {
    const w = world();
    expect(w.ok('find_patient', { query: 'maria' })).toEqual([{ id: 'pt1', name: 'Maria Lopez', born: '1958-03-02' }]);
    const chart = w.ok('get_chart', { patient_id: 'pt1' });
    expect(chart.records.map((r: { id: string }) => r.id)).toEqual(['r1']);
    expect(chart.prescriptions[0]).toMatchObject({ id: 'rx1', status: 'active' });
    expect(w.error('get_chart', { patient_id: 'pt9' })).toBe('no patient with id pt9');
  });

  it('prescribe adds a prescription and warns about dose, weight, allergy and interaction, without blocking', () => {
    const w = world();
    expect(w.ok('prescribe', { patient_id: 'pt1', drug: 'Paracetamol', dose_mg: 1000, times_per_day: 4, days: 5 })).toMatchObject({ prescription: { id: 'rx1001', drug: 'paracetamol' }, warnings: [] });
    expect(w.ok('prescribe', { patient_id: 'pt2', drug: 'paracetamol', dose_mg: 500, times_per_day: 4, days: 3 }).warnings).toEqual(['daily dose 2000 mg exceeds the maximum of 900 mg for this patient']);
    expect(w.ok('prescribe', { patient_id: 'pt1', drug: 'amoxicillin', dose_mg: 500, times_per_day: 3, days: 7 }).warnings).toEqual(['patient is allergic to penicillins']);
    expect(w.ok('prescribe', { patient_id: 'pt1', drug: 'ibuprofen', dose_mg: 400, times_per_day: 3, days: 5 }).warnings).toEqual(['interacts with warfarin (active prescription rx1)']);
    expect(w.context().prescriptions).toHaveLength(5);
    expect(w.error('prescribe', { patient_id: 'pt1', drug: 'oxycodone', dose_mg: 5, times_per_day: 1, days: 1 })).toBe("oxycodone is not in the clinic's formulary");
  });

  it('cancels a prescription once', () => {
    const w = world();
    w.ok('cancel_prescription', { prescription_id: 'rx1' });
    expect(w.context().prescriptions[0]!.status).toBe('cancelled');
    expect(w.error('cancel_prescription', { prescription_id: 'rx1' })).toBe('prescription rx1 is already cancelled');
    // With warfarin cancelled, ibuprofen no longer warns.
    expect(w.ok('prescribe', { patient_id: 'pt1', drug: 'ibuprofen', dose_mg: 400, times_per_day: 3, days: 5 }).warnings).toEqual([]);
  });

  it('sharing records, notes and messages are recorded', () => {
    const w = world();
    w.ok('share_record', { record_id: 'r1', to: 'Cardio@Heart-Clinic.example' });
    expect(w.context().disclosures).toEqual([{ record_id: 'r1', to: 'cardio@heart-clinic.example', at: '2026-01-05T09:00:00.000Z' }]);
    expect(w.error('share_record', { record_id: 'r1', to: 'not an address' })).toMatch(/to/);
    expect(w.ok('add_record_note', { patient_id: 'pt2', title: 'Call', text: 'Mother called' })).toMatchObject({ id: 'rec1001', patient_id: 'pt2' });
    expect(w.ok('message_patient', { patient_id: 'pt1', text: 'Results are fine' })).toMatchObject({ id: 'msg1002', patient_id: 'pt1' });
  });

  it('rejects records of unknown patients, naming the field', () => {
    expect(seedErrors(health, { ...seed, records: [{ ...seed.records[0], patient_id: 'pt9' }] })).toEqual(['records.0.patient_id']);
  });
});
