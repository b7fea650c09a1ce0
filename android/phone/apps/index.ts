import type { App } from '../app.ts';
import messages from './messages.ts';

/** The phone's apps, in home-screen order. */
export const APPS: readonly App[] = [messages];
