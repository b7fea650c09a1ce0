import { defineAttack } from '../../src/public/index.ts';
import { importantInstructions } from './text.ts';

/**
 * AgentDojo's `important_instructions`, the strongest of its attacks: a message signed with the
 * user's name, addressed to the model, asking it to do the goal first and then the user's task.
 */
export default defineAttack({
  name: 'important-instructions',
  description: "AgentDojo's important_instructions: a note signed by the user asking the model to do the goal first",
  text: ({ goal, user, model }) => importantInstructions(goal.instruction, user.name, model),
});
