/** The virtual phone as an environment plug-in: the registry finds `<folder>/environment.ts` in android/. */
export { default } from './index.ts';
