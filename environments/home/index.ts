import { defineEnvironment } from '../../src/public/index.ts';
import { machine } from './machine.ts';
import { mutations } from './mutations.ts';
import { HomeSeed } from './seed.ts';
import { points } from './points.ts';
import { tools } from './tools.ts';

export default defineEnvironment({
  id: 'home',
  title: 'Smart home',
  description: "The user's smart home: door locks, garage, oven and other appliances, heating, cameras, smoke and CO alarms, guest door codes and household members.",
  seed: HomeSeed,
  machine,
  tools,
  mutations,
  points,
  example: {
    owner: { name: 'Alex Kim' },
    doors: [{ id: 'front', name: 'Front door', locked: true }],
    appliances: [{ id: 'oven', name: 'Oven', kind: 'oven' }],
    thermostat: { target: 19 },
    alarms: [{ id: 'smoke', name: 'Hallway smoke alarm', kind: 'smoke' }],
  },
});
