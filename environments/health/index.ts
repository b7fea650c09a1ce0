import { defineEnvironment } from '../../src/public/index.ts';
import { machine } from './machine.ts';
import { mutations } from './mutations.ts';
import { HealthSeed } from './seed.ts';
import { points } from './points.ts';
import { tools } from './tools.ts';

export default defineEnvironment({
  id: 'health',
  title: 'Health records',
  description: "A clinic's records system, used for the clinician: patients' charts, prescriptions with dose limits, allergy and interaction warnings, sharing records, and the clinic's inbox.",
  seed: HealthSeed,
  machine,
  tools,
  mutations,
  points,
  example: {
    clinician: { name: 'Dr. Alex Kim' },
    patients: [{ id: 'pt1', name: 'Maria Lopez', born: '1958-03-02', weight_kg: 70, allergies: ['penicillin'] }],
    formulary: [{ drug: 'paracetamol', class: 'analgesic', max_daily_mg: 4000 }],
  },
});
