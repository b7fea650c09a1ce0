import { defineEnvironment } from '../../src/public/index.ts';
import { machine } from './machine.ts';
import { mutations } from './mutations.ts';
import { FilesSeed } from './seed.ts';
import { points } from './points.ts';
import { tools } from './tools.ts';

export default defineEnvironment({
  id: 'files',
  title: 'Cloud files',
  description: "The user's cloud file storage: search and read documents, create, share, publish, delete, and the trash.",
  seed: FilesSeed,
  machine,
  tools,
  mutations,
  points,
  example: {
    owner: { name: 'Alex Kim', address: 'alex@example.com' },
    documents: [{ id: 'f1', name: 'Budget 2026', owner: 'alex@example.com', content: 'Rent 1200, food 400.' }],
  },
});
